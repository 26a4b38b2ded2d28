#pragma once

#include "data/analysis/stats_table.hpp"

#include <QAbstractTableModel>

namespace citytwin::app
{

/// A data::StatsTable shown in a QTableView: headers from the column names, numbers right-aligned and sorted as
/// numbers (Qt::UserRole holds the number), empty cells blank.
class StatsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(data::StatsTable table);
    const data::StatsTable& table() const { return mTable; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    data::StatsTable mTable;
};

} // namespace citytwin::app
