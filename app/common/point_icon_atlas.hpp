#pragma once

namespace citytwin::app
{

/// Draws the point icons (`resources/icons/*.svg`, built into the program) into one atlas image and registers
/// it with the scene (scene::setPointIconAtlas), so that stations, cameras and incidents are drawn with an
/// icon per kind. Safe to call more than once; call before building layers.
void registerPointIcons();

} // namespace citytwin::app
