#include "scene/layer_style.hpp"

#include "data/project/schema.hpp"

#include "data/core/vector_layer.hpp"

#include <algorithm>
#include <iterator>

namespace citytwin::scene
{
namespace
{
/// Lit edges: the roof outlines of extruded solids at night, light cyan over the height ramp's blues (SceneModel
/// gives each roof the rim of its own height, nightRoofEdgeColor).
const osg::Vec4 NightRoofEdges(0.62f, 0.95f, 1.0f, 1.0f);

/// The night palette over a layer's day style: what glows is a boundary or a street, what is dark is ground.
LayerStyle withNightColors(const data::VectorLayer& layer, LayerStyle style)
{
    const std::string& name = layer.name;
    style.roofEdgeColor = NightRoofEdges;
    if (name == data::schema::district::Table)
    {
        // Near black: the buildings' blues and the lines must stand out on it; a cyan boundary around it.
        style.color = {0.40f, 0.85f, 1.0f, 1.0f};
        style.fillColor = osg::Vec4(0.035f, 0.05f, 0.075f, 1.0f);
    }
    else if (name == data::schema::streets::Table)
        style.color = {1.0f, 0.68f, 0.22f, 1.0f};
    else if (name == data::schema::communities::Table)
        style.color = {0.25f, 0.80f, 1.0f, 0.85f};
    else if (name == data::schema::grids::Table)
        style.color = {0.30f, 0.38f, 0.52f, 1.0f};
    else if (name == data::schema::river::Table)
        style.color = {0.08f, 0.25f, 0.46f, 1.0f}; // dark water, but a swatch still seen on the legend's panel
    else if (name == data::schema::roads::Table)
    {
        // Roads are the densest lines: faint, so that they draw the city's grain without hiding it.
        style.color = {0.22f, 0.28f, 0.38f, 1.0f};
        style.lineWidth = 1.0f;
    }
    if (name == data::schema::buildings::Table ||
        std::any_of(layer.features.begin(), layer.features.end(),
                    [](const data::Feature& feature) { return feature.height && *feature.height > 0.0; }))
        style.color = nightHeightColor(30.0); // the legend's swatch; each solid is coloured by its own height
    return style;
}
} // namespace

LayerStyle defaultLayerStyle(data::GeometryKind kind, int indexOfKind)
{
    static const osg::Vec4 areas[] = {{0.86f, 0.78f, 0.62f, 1.0f},
                                      {0.60f, 0.85f, 0.35f, 1.0f},
                                      {0.70f, 0.55f, 0.95f, 1.0f},
                                      {0.90f, 0.35f, 0.45f, 1.0f}};
    static const osg::Vec4 lines[] = {
        {0.95f, 0.55f, 0.20f, 1.0f}, {0.95f, 0.85f, 0.30f, 1.0f}, {0.90f, 0.40f, 0.70f, 1.0f}};
    static const osg::Vec4 points[] = {
        {0.25f, 0.80f, 0.90f, 1.0f}, {0.95f, 0.30f, 0.30f, 1.0f}, {0.45f, 0.95f, 0.55f, 1.0f}};
    const auto pick = [indexOfKind](const auto& palette)
    { return palette[static_cast<std::size_t>(indexOfKind) % std::size(palette)]; };
    LayerStyle style;
    switch (kind)
    {
    case data::GeometryKind::Line:
        style.color = pick(lines);
        break;
    case data::GeometryKind::Point:
        style.color = pick(points);
        break;
    default:
        style.color = pick(areas);
        break;
    }
    return style;
}

LayerStyle layerStyleFor(const data::VectorLayer& layer, int indexOfKind, Theme theme)
{
    LayerStyle style = defaultLayerStyle(layer.kind, indexOfKind);
    const std::string& name = layer.name;
    auto outline = [&style](osg::Vec4 color, float width)
    {
        style.color = color;
        style.fillOpacity = 0.0f;
        style.outlineWidth = width;
    };
    if (name == data::schema::district::Table)
    {
        // The district's ground: an opaque land colour under everything else.
        outline({0.95f, 0.95f, 0.90f, 1.0f}, 3.0f);
        style.fillColor = osg::Vec4(0.23f, 0.26f, 0.24f, 1.0f);
        style.fillOpacity = 1.0f;
        style.groundFill = true;
    }
    else if (name == data::schema::streets::Table)
    {
        outline({0.98f, 0.75f, 0.30f, 1.0f}, 2.0f);
        style.lift = 2.0f;
    }
    else if (name == data::schema::communities::Table)
    {
        outline({0.55f, 0.80f, 0.95f, 0.8f}, 1.0f);
        style.lift = 1.5f;
    }
    else if (name == data::schema::grids::Table)
    {
        outline({0.60f, 0.62f, 0.68f, 1.0f}, 1.0f);
        style.visible = false;
    }
    else if (name == data::schema::river::Table)
    {
        style.color = {0.25f, 0.55f, 0.80f, 1.0f};
        style.fillOpacity = 0.85f;
    }
    else if (name == data::schema::roads::Table)
    {
        style.color = {0.42f, 0.43f, 0.45f, 1.0f};
        style.lineWidth = 1.5f;
    }
    else if (name == data::schema::buildings::Table)
        style.color = {0.92f, 0.89f, 0.84f, 1.0f};
    else if (name == data::schema::stations::Table)
    {
        style.color = {0.98f, 0.45f, 0.25f, 1.0f};
        style.pointSize = 4.0f;
        PointSymbols symbols{.field = "kind", .size = 24.0f};
        const std::pair<const char*, osg::Vec4> kinds[] = {{"day_care", {0.96f, 0.52f, 0.16f, 1.0f}},
                                                           {"canteen", {0.88f, 0.30f, 0.22f, 1.0f}},
                                                           {"after_school", {0.22f, 0.52f, 0.92f, 1.0f}},
                                                           {"childcare", {0.93f, 0.42f, 0.68f, 1.0f}},
                                                           {"warm_station", {0.86f, 0.18f, 0.36f, 1.0f}},
                                                           {"service_center", {0.80f, 0.10f, 0.12f, 1.0f}},
                                                           {"civilization_practice", {0.76f, 0.30f, 0.08f, 1.0f}},
                                                           {"elderly_home", {0.55f, 0.38f, 0.85f, 1.0f}},
                                                           {"social_work", {0.16f, 0.64f, 0.52f, 1.0f}}};
        for (const auto& [kind, color] : kinds)
            symbols.byValue[kind] = {std::string("station-") + kind, color};
        style.symbols = symbols;
    }
    else if (name == "drawn area")
    {
        // The area drawn on the map for the analysis filter: a bright outline over a light wash.
        style.color = {0.30f, 0.95f, 0.95f, 1.0f};
        style.fillOpacity = 0.15f;
        style.outlineWidth = 3.0f;
        style.lineWidth = 3.0f;
        style.lift = 3.0f;
    }
    else if (layer.role == data::LayerRole::ServiceRings)
    {
        // Service rings (data::serviceAreas): a light wash inside a thin ring.
        style.color = {0.98f, 0.55f, 0.25f, 1.0f};
        style.fillOpacity = 0.10f;
        style.outlineWidth = 1.5f;
    }
    else if (layer.role == data::LayerRole::ViewCones || layer.role == data::LayerRole::SeenGround)
    {
        // Camera view cones (data::viewCones), or the ground they see past the buildings (camera coverage).
        style.color = {0.35f, 0.85f, 0.95f, 1.0f};
        style.fillOpacity = 0.25f;
        style.outlineWidth = 1.0f;
    }
    else if (name == data::schema::cameras::Table || name == data::schema::party_orgs::Table ||
             name == data::schema::party_links::Table || name == data::schema::incidents::Table)
    {
        style.pointSize = 4.0f;
        style.lineWidth = 1.0f;
        style.visible = false;
        if (name == data::schema::cameras::Table)
        {
            style.color = {0.22f, 0.62f, 0.85f, 1.0f};
            style.symbols = PointSymbols{.field = "network", .size = 18.0f};
            style.symbols->byValue["community"] = {"camera-community", {0.22f, 0.70f, 0.88f, 1.0f}};
            style.symbols->byValue["public_security"] = {"camera-public_security", {0.18f, 0.32f, 0.82f, 1.0f}};
        }
        else if (name == data::schema::incidents::Table)
        {
            style.color = {0.80f, 0.16f, 0.24f, 1.0f};
            style.symbols = PointSymbols{.field = "source", .size = 16.0f};
            style.symbols->byValue["hotline"] = {"incident-hotline", {0.95f, 0.58f, 0.12f, 1.0f}};
            style.symbols->byValue["citizen_app"] = {"incident-citizen_app", {0.28f, 0.72f, 0.32f, 1.0f}};
            style.symbols->byValue["grid_inspector"] = {"incident-grid_inspector", {0.22f, 0.52f, 0.92f, 1.0f}};
            style.symbols->byValue["camera_ai"] = {"incident-camera_ai", {0.82f, 0.24f, 0.78f, 1.0f}};
        }
    }
    return theme == Theme::Night ? withNightColors(layer, std::move(style)) : style;
}

} // namespace citytwin::scene
