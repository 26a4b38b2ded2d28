#include "app/common/hotspot_statements.hpp"

#include <QStringList>

#include <variant>

namespace citytwin::app
{

void HotspotStatements::add(data::StatsTable& table, const std::function<QString(const std::string&)>& categoryName)
{
    const int id = table.columnIndex("grid_id"), count = table.columnIndex("count"),
              expected = table.columnIndex("expected"), change = table.columnIndex("change"),
              direction = table.columnIndex("direction"), hot = table.columnIndex("hot_spot"),
              top = table.columnIndex("top_category"), topCount = table.columnIndex("top_category_count"),
              topExpected = table.columnIndex("top_category_expected"),
              topChange = table.columnIndex("top_category_change");
    table.columns.push_back("statement");
    for (auto& row : table.rows)
    {
        QStringList parts;
        const QString grid = tr("Grid %1").arg(QString::fromStdString(data::StatsTable::text(row[id])));
        // The strongest rise of one category, then the whole grid's change, then a Gi* hot spot.
        // Statements are for strong signals only (with 2,257 grids and 20 categories, a 95% level would flag
        // dozens of grids by chance every week): a category's rise at 99%, the grid's change at 95% or more, with
        // a Gi* hot or cold spot at 99% as context. The columns keep every level.
        if (!std::holds_alternative<std::monostate>(row[top]) && data::StatsTable::number(row[topChange]) >= 99)
        {
            const double c = data::StatsTable::number(row[topCount]), e = data::StatsTable::number(row[topExpected]);
            parts << (e > 0.0 ? tr("%1 up %2× (%3 this week, %4 a week before), significant at %5%")
                                    .arg(categoryName(std::get<std::string>(row[top])))
                                    .arg(c / e, 0, 'f', 1)
                                    .arg(c)
                                    .arg(e, 0, 'f', 1)
                                    .arg(data::StatsTable::text(row[topChange]).c_str())
                              : tr("%1: %2 this week after none before, significant at %3%")
                                    .arg(categoryName(std::get<std::string>(row[top])))
                                    .arg(c)
                                    .arg(data::StatsTable::text(row[topChange]).c_str()));
        }
        if (data::StatsTable::number(row[change]) >= 95)
        {
            const double c = data::StatsTable::number(row[count]), e = data::StatsTable::number(row[expected]);
            const bool up = data::StatsTable::text(row[direction]) == "up";
            parts << (up ? tr("all incidents up from %1 to %2 a week (significant at %3%)")
                         : tr("all incidents down from %1 to %2 a week (significant at %3%)"))
                         .arg(e, 0, 'f', 1)
                         .arg(c)
                         .arg(data::StatsTable::text(row[change]).c_str());
        }
        // Gi* hot spots are mostly the dense, busy centre every week: said only as context to a change.
        const std::string spot = data::StatsTable::text(row[hot]);
        if (parts.isEmpty())
            ;
        else if (spot == "hot99")
            parts << tr("a hot spot with its neighbours (Getis-Ord Gi*, %1%)").arg(spot.substr(3).c_str());
        else if (spot == "cold99")
            parts << tr("a cold spot with its neighbours (Getis-Ord Gi*, %1%)").arg(spot.substr(4).c_str());
        row.push_back(parts.isEmpty()
                          ? data::StatsTable::Value()
                          : data::StatsTable::Value((grid + tr(": ") + parts.join(tr("; "))).toStdString()));
    }
}

} // namespace citytwin::app
