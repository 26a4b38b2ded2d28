#include "citygml_model.hpp"

#include "feature_ids.hpp"

#include "data/io/citygml_source.hpp"

#include <cmath>
#include <filesystem>
#include <map>
#include <utility>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Texture2D>
#include <osgDB/ReadFile>

namespace citytwin::scene
{
namespace
{
/// One geometry's worth of surfaces: all of one kind and one texture.
struct SurfaceBatch
{
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> texCoords = new osg::Vec2Array;
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    osg::ref_ptr<FeatureIds> ids = new FeatureIds;
};

/// The polygon's normal from its triangles (their summed cross products, area-weighted), z up when degenerate.
osg::Vec3 polygonNormal(const data::CityGmlSurface& surface, const osg::Vec3d& centre)
{
    osg::Vec3d sum;
    for (std::size_t i = 0; i + 2 < surface.indices.size(); i += 3)
    {
        const auto at = [&](std::size_t k)
        {
            const data::Position& p = surface.vertices.at(surface.indices[i + k]);
            return osg::Vec3d(p.x, p.y, p.z) - centre;
        };
        sum += (at(1) - at(0)) ^ (at(2) - at(0));
    }
    return sum.length2() > 0.0 ? osg::Vec3(sum / sum.length()) : osg::Vec3(0.0f, 0.0f, 1.0f);
}

void append(SurfaceBatch& batch, const data::CityGmlSurface& surface, std::uint32_t building, const osg::Vec3d& centre)
{
    const auto first = static_cast<unsigned int>(batch.vertices->size());
    const osg::Vec3 normal = polygonNormal(surface, centre);
    for (std::size_t i = 0; i < surface.vertices.size(); ++i)
    {
        const data::Position& p = surface.vertices[i];
        batch.vertices->push_back(osg::Vec3(osg::Vec3d(p.x, p.y, p.z) - centre));
        batch.normals->push_back(normal);
        if (!surface.texCoords.empty())
            batch.texCoords->push_back(osg::Vec2(surface.texCoords[i][0], surface.texCoords[i][1]));
        batch.ids->perVertex.push_back(building);
    }
    for (const unsigned int index : surface.indices)
        if (index < surface.vertices.size())
            batch.triangles->push_back(first + index);
}

osg::ref_ptr<osg::Texture2D> loadTexture(const std::string& path)
{
    std::error_code error;
    if (path.empty() || !std::filesystem::is_regular_file(path, error))
        return nullptr;
    osg::ref_ptr<osg::Image> image = osgDB::readRefImageFile(path);
    if (!image)
        return nullptr;
    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(image.get());
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::REPEAT);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::REPEAT);
    texture->setResizeNonPowerOfTwoHint(false);
    return texture;
}

osg::ref_ptr<osg::Geometry> makeGeometry(SurfaceBatch& batch, data::SurfaceKind kind, const std::string& texturePath)
{
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setVertexArray(batch.vertices.get());
    geometry->setNormalArray(batch.normals.get(), osg::Array::BIND_PER_VERTEX);
    geometry->addPrimitiveSet(batch.triangles.get());
    batch.ids->mode = GL_TRIANGLES;
    geometry->setUserData(batch.ids.get());
    osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
    osg::ref_ptr<osg::Texture2D> texture = loadTexture(texturePath);
    colors->push_back(texture ? osg::Vec4(1.0f, 1.0f, 1.0f, 1.0f) : surfaceColor(kind));
    geometry->setColorArray(colors.get(), osg::Array::BIND_OVERALL);
    if (texture && batch.texCoords->size() == batch.vertices->size())
    {
        geometry->setTexCoordArray(0, batch.texCoords.get());
        geometry->getOrCreateStateSet()->setTextureAttributeAndModes(0, texture.get());
    }
    geometry->setName(std::string("citygml ") + data::surfaceKindName(kind));
    return geometry;
}
} // namespace

osg::Vec4 surfaceColor(data::SurfaceKind kind)
{
    switch (kind)
    {
    case data::SurfaceKind::Roof:
        return {0.72f, 0.27f, 0.20f, 1.0f};
    case data::SurfaceKind::Wall:
        return {0.93f, 0.89f, 0.80f, 1.0f};
    case data::SurfaceKind::Ground:
        return {0.38f, 0.38f, 0.38f, 1.0f};
    case data::SurfaceKind::Closure:
        return {0.70f, 0.82f, 0.92f, 1.0f};
    case data::SurfaceKind::Other:
    case data::SurfaceKind::Unclassified:
        break;
    }
    return {0.82f, 0.80f, 0.75f, 1.0f};
}

osg::ref_ptr<osg::MatrixTransform> buildCityGmlModel(const data::CityGmlModel& model,
                                                     std::shared_ptr<const data::VectorLayer> table,
                                                     const osg::Vec3d& sceneOrigin)
{
    // Vertices are float offsets from the model's centre (at its lowest height): metres to centimetres for
    // models of a few kilometres, where project coordinates (millions of metres) would lose them.
    const osg::Vec3d centre =
        model.extent.isValid()
            ? osg::Vec3d(std::round(model.extent.centerX()), std::round(model.extent.centerY()), std::floor(model.minZ))
            : osg::Vec3d();
    std::map<std::pair<data::SurfaceKind, std::string>, SurfaceBatch> batches;
    for (std::size_t b = 0; b < model.buildings.size(); ++b)
        for (const data::CityGmlSurface& surface : model.buildings[b].surfaces)
            append(batches[{surface.kind, surface.texCoords.empty() ? std::string() : surface.texturePath}], surface,
                   static_cast<std::uint32_t>(b), centre);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    for (auto& [key, batch] : batches)
        geode->addDrawable(makeGeometry(batch, key.first, key.second));
    osg::ref_ptr<osg::MatrixTransform> node = new osg::MatrixTransform;
    node->setName("citygml:" + std::filesystem::path(model.path).filename().string());
    node->setMatrix(osg::Matrixd::translate(centre - sceneOrigin));
    node->addChild(geode.get());
    node->setUserData(new ModelFeatures(std::move(table)));
    return node;
}

} // namespace citytwin::scene
