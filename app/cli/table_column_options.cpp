#include "app/cli/table_column_options.hpp"

namespace citytwin::app
{

TableColumnOptions::TableColumnOptions()
    : mX(QStringLiteral("x-field"), tr("A point table's longitude or easting column (with --y-field)."), tr("column")),
      mY(QStringLiteral("y-field"), tr("A point table's latitude or northing column (with --x-field)."), tr("column")),
      mGeometry(QStringLiteral("geometry-field"), tr("A table's geometry column (WKT or GeoJSON)."), tr("column"))
{
}

void TableColumnOptions::addTo(QCommandLineParser& parser) const
{
    for (const QCommandLineOption* option : {&mX, &mY, &mGeometry})
        parser.addOption(*option);
}

data::TableColumns TableColumnOptions::columns(const QCommandLineParser& parser) const
{
    return {parser.value(mX).toStdString(), parser.value(mY).toStdString(), parser.value(mGeometry).toStdString()};
}

QString TableColumnOptions::problem(const QCommandLineParser& parser) const
{
    if (parser.isSet(mX) != parser.isSet(mY))
        return tr("--x-field and --y-field go together");
    if (parser.isSet(mGeometry) && parser.isSet(mX))
        return tr("give either --x-field and --y-field, or --geometry-field");
    return {};
}

} // namespace citytwin::app
