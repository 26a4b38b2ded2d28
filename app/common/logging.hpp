#pragma once

namespace citytwin::app
{

/// Routes the data layer's log, GDAL, PROJ and OpenSceneGraph messages into Qt's logging
/// (categories citytwin.data, citytwin.gdal, citytwin.proj, citytwin.osg). Call once at start-up.
void installLogging();

} // namespace citytwin::app
