#include "app/common/report/report_scene.hpp"

#include "app/common/error_text.hpp"
#include "app/common/scene_sources.hpp"

#include "data/io/vector_source.hpp"
#include "data/project/project_store.hpp"
#include "scene/offscreen_renderer.hpp"
#include "scene/scene_model.hpp"
#include "scene/view_defaults.hpp"

#include <algorithm>

namespace citytwin::app
{

ReportScene::ReportScene(QString projectPath) : mPath(std::move(projectPath)) {}

ReportScene::~ReportScene() = default;

bool ReportScene::load(QString& error)
{
    if (mLoaded)
        return mModel != nullptr;
    mLoaded = true;
    auto model = std::make_unique<scene::SceneModel>();
    useDisplayNames(*model);
    auto layers = data::readVectorSource(mPath.toStdString());
    if (!layers)
    {
        error = ErrorText::describe(layers.error());
        return false;
    }
    for (data::VectorLayer& layer : layers.value())
        model->addLayer(std::make_shared<const data::VectorLayer>(std::move(layer)));
    if (auto terrain = loadTerrainData(mPath); terrain && terrain.value())
        applyTerrain(*model, *terrain.value());
    mModel = std::move(model);
    return true;
}

std::optional<SceneFrame> ReportScene::render(const std::string& bookmark, QSize pixels, double displayScale,
                                          QString& error)
{
    auto project = data::ProjectStore::open(mPath.toStdString(), {.create = false, .readOnly = true});
    if (!project)
    {
        error = ErrorText::describe(project.error());
        return std::nullopt;
    }
    auto saved = project->bookmark(bookmark);
    if (!saved || !saved.value())
    {
        error = tr("the project has no bookmark '%1'").arg(QString::fromStdString(bookmark));
        return std::nullopt;
    }
    if (!load(error))
        return std::nullopt;
    const data::Bookmark& view = *saved.value();
    // The layers the bookmark shows (when it says), the others hidden.
    if (view.state && !view.state->shownLayers.empty())
        for (int i = 0; i < mModel->layerCount(); ++i)
        {
            const std::vector<std::string>& shown = view.state->shownLayers;
            mModel->setLayerVisible(i, std::find(shown.begin(), shown.end(), mModel->layer(i).name) != shown.end());
        }
    mModel->setDisplayScale(displayScale);
    mModel->overlay().setLegendShown(false); // the page's legend item speaks for the frame
    const osg::Vec3d& origin = mModel->origin();
    const scene::ViewPose pose{osg::Vec3d(view.eye.x, view.eye.y, view.eye.z) - origin,
                               osg::Vec3d(view.center.x, view.center.y, view.center.z) - origin,
                               osg::Vec3d(view.up.x, view.up.y, view.up.z)};
    auto image = scene::OffscreenRenderer::render(mModel->root(), pose, pixels.width(), pixels.height(),
                                                  mModel->theme());
    if (!image)
    {
        error = tr("cannot render the 3D view: %1").arg(QString::fromStdString(image.error().detail));
        return std::nullopt;
    }
    const osg::Image& rendered = *image.value();
    SceneFrame frame;
    frame.image = QImage(rendered.data(), rendered.s(), rendered.t(),
                         static_cast<qsizetype>(rendered.getRowSizeInBytes()), QImage::Format_RGBA8888)
                      .mirrored()
                      .convertToFormat(QImage::Format_RGB888);
    // The legend the view shows (headings have no colour), its scale at the centre, north (the overlay turns its
    // arrow counter-clockwise with y up; the page's y runs down).
    for (const scene::MapLegendEntry& entry : mModel->overlay().legend())
    {
        const QColor color = QColor::fromRgbF(entry.color.r(), entry.color.g(), entry.color.b(), entry.color.a());
        const QString label = QString::fromStdString(entry.label).trimmed();
        frame.legend.push_back({entry.color.a() > 0.0f ? LegendRow::Swatch::Fill : LegendRow::Swatch::Heading, color,
                                color.darker(130), label});
    }
    frame.metresPerPixel = mModel->overlay().lastScale().metresPerPixel;
    frame.northAngle = -mModel->overlay().lastScale().northAngle;
    return frame;
}

} // namespace citytwin::app
