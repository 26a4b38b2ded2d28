#include "app/gui/stats_table_model.hpp"

namespace citytwin::app
{

void StatsTableModel::setTable(data::StatsTable table)
{
    beginResetModel();
    mTable = std::move(table);
    endResetModel();
}

int StatsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mTable.rows.size());
}

int StatsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mTable.columns.size());
}

QVariant StatsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || static_cast<std::size_t>(index.row()) >= mTable.rows.size())
        return {};
    const auto& row = mTable.rows[static_cast<std::size_t>(index.row())];
    if (static_cast<std::size_t>(index.column()) >= row.size())
        return {};
    const data::StatsTable::Value& value = row[static_cast<std::size_t>(index.column())];
    const bool numeric = std::holds_alternative<std::int64_t>(value) || std::holds_alternative<double>(value);
    switch (role)
    {
    case Qt::DisplayRole:
        if (const auto* real = std::get_if<double>(&value))
            return QString::number(*real, 'f', std::abs(*real) < 10.0 ? 3 : 1);
        return QString::fromStdString(data::StatsTable::text(value));
    case Qt::UserRole:
        return numeric ? QVariant(data::StatsTable::number(value))
                       : QVariant(QString::fromStdString(data::StatsTable::text(value)));
    case Qt::TextAlignmentRole:
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant StatsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return static_cast<std::size_t>(section) < mTable.columns.size()
               ? QString::fromStdString(mTable.columns[static_cast<std::size_t>(section)])
               : QVariant();
}

} // namespace citytwin::app
