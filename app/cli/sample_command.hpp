#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace citytwin::app
{

/// `citytwin sample --out lubei-sample.gpkg [--seed N] [--scale K]`: writes the built-in sample district;
/// `citytwin sample --ensure`: generates it once into the user's data folder and prints its path.
class SampleCommand
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::SampleCommand)
public:
    static int run(const QStringList& arguments);
};

} // namespace citytwin::app
