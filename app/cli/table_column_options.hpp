#pragma once

#include "data/io/gdal_open.hpp"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

namespace citytwin::app
{

/// The options naming a point table's coordinate or geometry columns when the guess by name is wrong:
/// --x-field F --y-field F, or --geometry-field F (WKT or GeoJSON). Shared by the verbs that read sources.
class TableColumnOptions
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::TableColumnOptions)

public:
    TableColumnOptions();

    /// Adds the three options to a parser.
    void addTo(QCommandLineParser& parser) const;
    /// The columns the user named (empty when none).
    data::TableColumns columns(const QCommandLineParser& parser) const;
    /// A message when they do not go together (--x-field without --y-field, or with --geometry-field); empty
    /// when they do.
    QString problem(const QCommandLineParser& parser) const;

private:
    QCommandLineOption mX;
    QCommandLineOption mY;
    QCommandLineOption mGeometry;
};

} // namespace citytwin::app
