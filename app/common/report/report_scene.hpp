#pragma once

#include "app/common/report/report_map.hpp"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace citytwin::scene
{
class SceneModel;
}

namespace citytwin::app
{

/// A project's 3D scene for a report's 3D map frames: read on the first frame asked (its layers, terrain and
/// oblique-free), then each bookmark rendered off-screen at the frame's size in pixels, with labels and icons scaled
/// for the output's dpi, the layers the bookmark's state shows. Needs an OpenGL display (xvfb-run on a server).
class ReportScene
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::ReportScene)
public:
    explicit ReportScene(QString projectPath);
    ~ReportScene();

    /// Renders a bookmark's view; nothing, with the reason in error, when the project has no such bookmark or
    /// nothing can be rendered (no OpenGL).
    std::optional<SceneFrame> render(const std::string& bookmark, QSize pixels, double displayScale, QString& error);

private:
    bool load(QString& error);

    QString mPath;
    std::unique_ptr<scene::SceneModel> mModel;
    bool mLoaded = false;
};

} // namespace citytwin::app
