#pragma once

#include "data/analysis/analysis_runs.hpp"

#include <QString>

#include <string>

namespace citytwin::test
{

/// A layer of the sample project (empty when it cannot be read: the checks on it then fail). Suites that use it
/// link citytwin_data.
inline data::VectorLayer readSampleLayer(const QString& path, const std::string& name)
{
    return data::readProjectLayer(path.toStdString(), name).value_or(data::VectorLayer{});
}

} // namespace citytwin::test
