#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace citytwin::app
{

/// `citytwin sample --out lubei-sample.gpkg [--seed N]`: writes the built-in sample district.
/// Work in progress (issue 4): the administrative layers so far (district, streets, communities, grids).
class SampleCommand
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::SampleCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace citytwin::app
