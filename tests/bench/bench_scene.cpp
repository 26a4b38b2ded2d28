// Scene benchmark (issue 5): renders a fixed camera path over a project's buildings (plus its district and
// roads) off-screen at a given size and prints, as one line of key=value pairs, the median and 95th
// percentile frame time, OSG's median cull and draw times, the median draw calls and triangles per frame,
// the time to build the scene and the peak memory. `--naive` builds the baseline: one node (transform,
// geode, geometries) per building, as a straightforward loader would. Run it under xvfb-run; the script
// run_scene_bench.sh runs both modes on the same machine and prints the ratios.
#include "data/io/raster_source.hpp"
#include "data/io/vector_source.hpp"
#include "data/project/project_store.hpp"
#include "scene/layer_node_builder.hpp"
#include "scene/offscreen_renderer.hpp"
#include "scene/scene_model.hpp"
#include "scene/terrain.hpp"
#include "scene/view_defaults.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <sys/resource.h>

#include <osg/Stats>
#include <osgViewer/Renderer>
#include <osgViewer/Viewer>

using namespace citytwin;

namespace
{
/// Makes the GPU finish each frame so that the wall time includes rasterization.
class FinishCallback : public osg::Camera::DrawCallback
{
public:
    void operator()(osg::RenderInfo&) const override { glFinish(); }
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

/// The camera path: a slow orbit over the whole district, then a low pass over its busiest part.
scene::ViewPose poseAt(int frame, int frames, const osg::BoundingSphere& bound)
{
    const double t = static_cast<double>(frame) / std::max(1, frames - 1);
    const osg::Vec3d centre = bound.center();
    const double radius = bound.radius();
    scene::ViewPose pose;
    pose.up = osg::Vec3d(0, 0, 1);
    if (t < 0.5)
    {
        const double angle = -osg::PI_2 + t * 2.0 * osg::PI_2;
        const double distance = radius * 1.6;
        pose.center = osg::Vec3d(centre.x(), centre.y(), 0.0);
        pose.eye = pose.center +
                   osg::Vec3d(std::cos(angle) * distance * 0.7, std::sin(angle) * distance * 0.7, distance * 0.8);
    }
    else
    {
        const double u = (t - 0.5) * 2.0;
        pose.center = osg::Vec3d(centre.x() - radius * 0.3 + u * radius * 0.6, centre.y(), 0.0);
        pose.eye = pose.center + osg::Vec3d(0.0, -700.0, 450.0);
    }
    return pose;
}
/// The camera along a tour: a smooth flight between consecutive stops' bookmarks (world coordinates), as the
/// window's tour flights go, frames spread evenly over the legs.
scene::ViewPose tourPoseAt(int frame, int frames, const std::vector<scene::ViewPose>& stops)
{
    if (stops.size() < 2)
        return stops.front();
    const double legs = static_cast<double>(stops.size() - 1);
    const double t = legs * frame / std::max(1, frames - 1);
    const auto leg = std::min(static_cast<std::size_t>(t), stops.size() - 2);
    const double u = t - static_cast<double>(leg);
    const double s = u * u * (3.0 - 2.0 * u); // ease in and out
    const scene::ViewPose& a = stops[leg];
    const scene::ViewPose& b = stops[leg + 1];
    return {a.eye * (1.0 - s) + b.eye * s, a.center * (1.0 - s) + b.center * s, osg::Vec3d(0, 0, 1)};
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
    {
        std::fprintf(stderr, "usage: bench_scene PROJECT.gpkg [--naive] [--terrain] [--theme day|night] [--frames N] "
                             "[--size WxH] [--tour NAME] [--effects shadows,ao,bloom|all|none]\n");
        return 2;
    }
    const std::string path = argv[1];
    bool naive = false, terrain = false;
    int frames = 120, width = 1920, height = 1080;
    scene::Theme theme = scene::Theme::Day;
    scene::Effects effects;
    std::string tour;
    for (int i = 2; i < argc; ++i)
    {
        if (std::strcmp(argv[i], "--tour") == 0 && i + 1 < argc)
            tour = argv[++i];
        else if (std::strcmp(argv[i], "--naive") == 0)
            naive = true;
        else if (std::strcmp(argv[i], "--terrain") == 0)
            terrain = true;
        else if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc)
            frames = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--size") == 0 && i + 1 < argc)
            std::sscanf(argv[++i], "%dx%d", &width, &height);
        else if (std::strcmp(argv[i], "--theme") == 0 && i + 1 < argc)
        {
            const auto code = scene::themeFromCode(argv[++i]);
            if (!code)
            {
                std::fprintf(stderr, "bench_scene: unknown theme %s (day or night)\n", argv[i]);
                return 2;
            }
            theme = *code;
        }
        else if (std::strcmp(argv[i], "--effects") == 0 && i + 1 < argc)
        {
            const auto code = scene::effectsFromCode(argv[++i]);
            if (!code)
            {
                std::fprintf(stderr, "bench_scene: unknown effects %s (shadows, ao, bloom, all, none)\n", argv[i]);
                return 2;
            }
            effects = *code;
        }
    }

    const auto buildStart = std::chrono::steady_clock::now();
    scene::SceneModel model;
    model.setTheme(theme);
    model.setEffects(effects);
    std::size_t buildings = 0;
    for (const char* name : {"district", "roads", "buildings"})
    {
        auto layers = data::readVectorSource(path, {.layerName = name});
        if (!layers || layers->empty())
        {
            std::fprintf(stderr, "bench_scene: %s: cannot read layer %s\n", path.c_str(), name);
            return 1;
        }
        data::VectorLayer& layer = layers->front();
        if (!naive || std::string(name) != "buildings")
        {
            model.addLayer(std::make_shared<const data::VectorLayer>(std::move(layer)));
            continue;
        }
        // The baseline: every building its own node.
        buildings = layer.features.size();
        osg::ref_ptr<osg::Group> group = new osg::Group;
        const scene::LayerStyle style = scene::layerStyleFor(layer, 0, theme);
        for (data::Feature& feature : layer.features)
        {
            data::VectorLayer single;
            single.name = "building";
            single.kind = layer.kind;
            for (const data::Polygon& polygon : feature.polygons)
                for (const data::Position& p : polygon.rings.front())
                    single.extent.include(p.x, p.y);
            single.features.push_back(std::move(feature));
            group->addChild(scene::buildLayerNode(single, model.origin(), style));
        }
        model.root()->addChild(group.get());
    }
    if (!naive)
        buildings = model.layer(2).features.size();
    if (terrain)
    {
        const data::TerrainRasters rasters = data::findTerrainRasters(path);
        auto dem = data::RasterSource::open(rasters.dem);
        auto imagery = data::RasterSource::open(rasters.imagery);
        if (!dem || !imagery)
        {
            std::fprintf(stderr, "bench_scene: %s: no dem and imagery rasters\n", path.c_str());
            return 1;
        }
        auto ground = data::HeightField::load(*dem.value());
        model.setTerrain(scene::buildTerrain(dem.value(), imagery.value(), model.origin()), ground.value());
    }
    const double buildSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - buildStart).count();

    osgViewer::Viewer viewer;
    if (!scene::OffscreenRenderer::setUpViewer(viewer, width, height))
    {
        std::fprintf(stderr, "bench_scene: cannot create an OpenGL pbuffer (run under xvfb-run -a)\n");
        return 1;
    }
    scene::applyTheme(viewer, theme);
    osg::Camera* camera = viewer.getCamera();
    camera->setFinalDrawCallback(new FinishCallback);
    viewer.setSceneData(model.root());
    viewer.realize();
    camera->getStats()->collectStats("rendering", true);
    camera->getStats()->collectStats("scene", true);
    viewer.getViewerStats()->collectStats("frame_rate", true);

    const osg::BoundingSphere bound = model.root()->getBound();
    // --tour: the camera flies from stop to stop of a tour of the project instead of the fixed path.
    std::vector<scene::ViewPose> tourStops;
    if (!tour.empty())
    {
        auto project = data::ProjectStore::open(path, {.create = false, .readOnly = true});
        auto tours = project ? project->tours() : data::Result<std::vector<data::Tour>>(project.error());
        auto bookmarks = project ? project->bookmarks() : data::Result<std::vector<data::Bookmark>>(project.error());
        if (tours && bookmarks)
            for (const data::Tour& candidate : tours.value())
                if (candidate.name == tour)
                    for (const data::Tour::Stop& stop : candidate.stops)
                        for (const data::Bookmark& bookmark : bookmarks.value())
                            if (bookmark.name == stop.bookmark)
                                tourStops.push_back(
                                    {osg::Vec3d(bookmark.eye.x, bookmark.eye.y, bookmark.eye.z) - model.origin(),
                                     osg::Vec3d(bookmark.center.x, bookmark.center.y, bookmark.center.z) -
                                         model.origin(),
                                     osg::Vec3d(0, 0, 1)});
        if (tourStops.empty())
        {
            std::fprintf(stderr, "bench_scene: %s: no tour named %s\n", path.c_str(), tour.c_str());
            return 2;
        }
    }
    std::vector<double> frameMs, cullMs, drawMs, drawCalls, triangles, lines;
    // Two warm-up frames upload the buffers; they are not counted.
    for (int frame = -2; frame < frames; ++frame)
    {
        const scene::ViewPose pose = tourStops.empty() ? poseAt(std::max(frame, 0), frames, bound)
                                                       : tourPoseAt(std::max(frame, 0), frames, tourStops);
        camera->setViewMatrixAsLookAt(pose.eye, pose.center, pose.up);
        const auto start = std::chrono::steady_clock::now();
        viewer.frame();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (frame < 0)
            continue;
        frameMs.push_back(ms);
        const unsigned int number = viewer.getFrameStamp()->getFrameNumber();
        osg::Stats* stats = camera->getStats();
        double value = 0.0;
        if (stats->getAttribute(number, "Cull traversal time taken", value))
            cullMs.push_back(value * 1000.0);
        if (stats->getAttribute(number, "Draw traversal time taken", value))
            drawMs.push_back(value * 1000.0);
        if (stats->getAttribute(number, "Visible number of PrimitiveSets", value))
            drawCalls.push_back(value);
        double triangleCount = 0.0;
        if (stats->getAttribute(number, "Visible number of GL_TRIANGLES", value))
            triangleCount = value;
        triangles.push_back(triangleCount);
        lines.push_back(stats->getAttribute(number, "Visible number of GL_LINES", value) ? value : 0.0);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf(
        "mode=%s theme=%s effects=%s buildings=%zu frames=%d size=%dx%d build_s=%.2f frame_median_ms=%.2f frame_p95_ms=%.2f "
        "frame_max_ms=%.2f "
        "cull_median_ms=%.3f draw_median_ms=%.2f draw_calls_median=%.0f triangles_median=%.0f "
        "lines_median=%.0f peak_rss_mb=%.0f\n",
        naive ? "naive" : "tiled", scene::themeCode(theme), scene::effectsCode(effects).c_str(), buildings, frames, width, height, buildSeconds,
        percentile(frameMs, 0.5), percentile(frameMs, 0.95), percentile(frameMs, 1.0), percentile(cullMs, 0.5),
        percentile(drawMs, 0.5), percentile(drawCalls, 0.5), percentile(triangles, 0.5), percentile(lines, 0.5),
        static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
