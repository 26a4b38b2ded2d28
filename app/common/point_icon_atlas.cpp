#include "app/common/point_icon_atlas.hpp"

#include "scene/point_icons.hpp"

#include <cstring>

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

namespace citytwin::app
{
namespace
{
/// Pixels per icon in the atlas: drawn on screen at 16–32 px, mipmapped down.
constexpr int IconPixels = 64;
} // namespace

void registerPointIcons()
{
    static bool registered = false;
    if (registered)
        return;
    registered = true;

    const QStringList files =
        QDir(QStringLiteral(":/icons")).entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return;
    auto atlas = std::make_shared<scene::PointIconAtlas>();
    atlas->columns = 4;
    const int rows = (static_cast<int>(files.size()) + atlas->columns - 1) / atlas->columns;
    QImage image(atlas->columns * IconPixels, rows * IconPixels, QImage::Format_RGBA8888);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < files.size(); ++i)
    {
        QSvgRenderer renderer(QStringLiteral(":/icons/") + files[i]);
        if (!renderer.isValid())
            continue;
        renderer.render(&painter, QRectF((i % atlas->columns) * IconPixels, (i / atlas->columns) * IconPixels,
                                         IconPixels, IconPixels));
        atlas->names.push_back(files[i].chopped(4).toStdString());
    }
    painter.end();
    if (atlas->names.size() != static_cast<std::size_t>(files.size()))
        return; // a broken icon file: keep round dots rather than a misaligned atlas

    osg::ref_ptr<osg::Image> osgImage = new osg::Image;
    osgImage->allocateImage(image.width(), image.height(), 1, GL_RGBA, GL_UNSIGNED_BYTE);
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(osgImage->data(0, y), image.constScanLine(y), static_cast<std::size_t>(image.width()) * 4);
    osgImage->setInternalTextureFormat(GL_RGBA8);
    atlas->image = osgImage;
    scene::setPointIconAtlas(atlas);
}

} // namespace citytwin::app
