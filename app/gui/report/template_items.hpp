#pragma once

#include "data/project/report_template.hpp"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace citytwin::app
{

/// A report template's items as the template editor's table shows them: each kind by its name in the interface
/// language, its box as four fractions of the printable area, and its options as one line of `key=value; …`
/// (`source=top-down; layers=communities,roads; field=count`, `table=grids; rows=8`, `text=…` to the end of the
/// line). Reading gives a sentence naming what is wrong, for the user.
class TemplateItems
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::TemplateItems)
public:
    /// The item kinds, in the order the editor lists them ("title", "map", …, "text").
    static QStringList kinds();
    /// A kind's name in the interface language.
    static QString kindName(const QString& kind);
    /// What a kind's options are, for a tooltip.
    static QString optionsHelp(const QString& kind);
    /// A new item of a kind with sensible options, in the top left quarter of the page.
    static data::ReportItem defaultItem(const QString& kind);

    /// An item's options as `key=value; …` text (empty for kinds without options).
    static QString optionsText(const data::ReportItem& item);
    /// Reads options text into an item of a known kind; an error sentence, or empty when it is right.
    static QString readOptions(const QString& text, data::ReportItem& item);
    /// A fraction as the table shows it (at most four decimals).
    static QString fractionText(double value);
    /// Reads the four texts x, y, width, height into a box; an error sentence naming the field, or empty.
    static QString readRect(const QStringList& cells, data::ReportRect& rect);
};

} // namespace citytwin::app
