#include "heat_layer.hpp"

#include <algorithm>
#include <cmath>

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/Texture2D>

namespace citytwin::scene
{
namespace
{
constexpr int MeshSize = 129;
constexpr int MaxTextureSize = 4096;
constexpr float GroundLift = 4.0f;
} // namespace

osg::Vec4 heatColor(double relative)
{
    const double t = std::clamp(relative, 0.0, 1.0);
    if (t <= 0.0)
        return {0.0f, 0.0f, 0.0f, 0.0f};
    // Square root: a few hot spots do not wash out the rest.
    const double s = std::sqrt(t);
    static const osg::Vec4 stops[] = {{0.10f, 0.30f, 0.90f, 0.0f},
                                      {0.10f, 0.75f, 0.95f, 0.45f},
                                      {1.00f, 0.90f, 0.20f, 0.7f},
                                      {0.95f, 0.15f, 0.10f, 0.85f}};
    const double position = s * 3.0;
    const int index = std::min(2, static_cast<int>(position));
    const float f = static_cast<float>(position - index);
    return stops[index] * (1.0f - f) + stops[index + 1] * f;
}

osg::ref_ptr<osg::Node> buildHeatLayer(const data::DensityGrid& grid, const osg::Vec3d& sceneOrigin,
                                       const data::HeightField* ground)
{
    if (grid.values.empty() || grid.maximum <= 0.0f)
        return nullptr;
    // The texture: one texel per cell (every step-th cell of a larger grid).
    const int step = std::max(1, (std::max(grid.columns, grid.rows) + MaxTextureSize - 1) / MaxTextureSize);
    const int width = (grid.columns + step - 1) / step, height = (grid.rows + step - 1) / step;
    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(width, height, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    for (int row = 0; row < height; ++row)
        for (int column = 0; column < width; ++column)
        {
            const float value = grid.values[static_cast<std::size_t>(row * step) * grid.columns +
                                            static_cast<std::size_t>(column * step)];
            const osg::Vec4 color = heatColor(value / grid.maximum);
            // Image row 0 is the bottom (south); grid row 0 is north.
            unsigned char* texel = image->data(column, height - 1 - row);
            for (int c = 0; c < 4; ++c)
                texel[c] = static_cast<unsigned char>(std::clamp(color[c], 0.0f, 1.0f) * 255.0f);
        }

    const osg::Vec3d centre(grid.extent.centerX(), grid.extent.centerY(), 0.0);
    const double spanX = grid.extent.maxX - grid.extent.minX, spanY = grid.extent.maxY - grid.extent.minY;
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> texCoords = new osg::Vec2Array;
    for (int j = 0; j < MeshSize; ++j)
        for (int i = 0; i < MeshSize; ++i)
        {
            const double u = static_cast<double>(i) / (MeshSize - 1), v = static_cast<double>(j) / (MeshSize - 1);
            const double x = grid.extent.minX + u * spanX, y = grid.extent.minY + v * spanY;
            const double z = (ground ? ground->heightAt(x, y) : 0.0) + GroundLift;
            vertices->push_back(osg::Vec3(static_cast<float>(x - centre.x()), static_cast<float>(y - centre.y()),
                                          static_cast<float>(z)));
            texCoords->push_back(osg::Vec2(static_cast<float>(u), static_cast<float>(v)));
        }
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    for (int j = 0; j + 1 < MeshSize; ++j)
        for (int i = 0; i + 1 < MeshSize; ++i)
        {
            const auto a = static_cast<unsigned int>(j * MeshSize + i);
            for (unsigned int index : {a, a + 1, a + MeshSize + 1, a, a + MeshSize + 1, a + MeshSize})
                triangles->push_back(index);
        }
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseVertexBufferObjects(true);
    geometry->setUseDisplayList(false);
    geometry->setVertexArray(vertices.get());
    geometry->setTexCoordArray(0, texCoords.get());
    osg::ref_ptr<osg::Vec4Array> white = new osg::Vec4Array;
    white->push_back(osg::Vec4(1.0f, 1.0f, 1.0f, 1.0f));
    geometry->setColorArray(white.get(), osg::Array::BIND_OVERALL);
    geometry->addPrimitiveSet(triangles.get());

    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(image.get());
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR);
    texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    texture->setResizeNonPowerOfTwoHint(false);
    osg::StateSet* state = geometry->getOrCreateStateSet();
    state->setTextureAttributeAndModes(0, texture.get());
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
    state->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);

    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(geometry.get());
    osg::ref_ptr<osg::MatrixTransform> node = new osg::MatrixTransform;
    node->setMatrix(osg::Matrixd::translate(centre - sceneOrigin));
    node->setName("citytwin.heat");
    node->addChild(geode.get());
    return node;
}

} // namespace citytwin::scene
