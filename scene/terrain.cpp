#include "terrain.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <mutex>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/PagedLOD>
#include <osg/PolygonOffset>
#include <osg/Texture2D>
#include <osgDB/FileNameUtils>
#include <osgDB/ReaderWriter>
#include <osgDB/Registry>

namespace citytwin::scene
{
namespace
{
/// What every tile of one terrain needs; looked up by id from the tile file names the pager asks for.
struct TerrainSpec
{
    std::shared_ptr<const data::RasterSource> dem;
    std::shared_ptr<const data::RasterSource> imagery;
    osg::Vec3d sceneOrigin;
    TerrainOptions options;
    double rootX = 0.0, rootY = 0.0;          ///< south-west corner of the root tile
    double rootWidth = 1.0, rootHeight = 1.0; ///< the root tile: the raster's extent
    int maxLevel = 0;
    float baseHeight = 0.0f;             ///< where there is no DEM
    float lowest = 0.0f, highest = 0.0f; ///< the DEM's range (for colours without imagery)
};

std::mutex sSpecsMutex;
std::map<int, std::weak_ptr<const TerrainSpec>> sSpecs;
std::atomic<int> sNextId{1};

constexpr const char* Extension = "citytwin_terrain";
/// Polygon offset units for the terrain (window depth steps).
constexpr float TerrainDepthPush = 3000.0f;

/// Colours for terrain without imagery: a hypsometric ramp (green lowlands, ochre, brown, pale summits)
/// over the DEM's range, hill-shaded from the north-west so that relief reads without lighting.
void elevationColours(const std::vector<float>& heights, int n, float low, float high, double spacing, int size,
                      std::vector<std::uint8_t>& rgb)
{
    static const osg::Vec3 ramp[] = {{0.36f, 0.50f, 0.32f},
                                     {0.62f, 0.62f, 0.40f},
                                     {0.66f, 0.52f, 0.36f},
                                     {0.55f, 0.42f, 0.32f},
                                     {0.85f, 0.83f, 0.80f}};
    rgb.resize(static_cast<std::size_t>(size) * size * 3);
    auto at = [&heights, n](int c, int r)
    { return heights[static_cast<std::size_t>(std::clamp(r, 0, n - 1)) * n + std::clamp(c, 0, n - 1)]; };
    for (int row = 0; row < size; ++row)
        for (int column = 0; column < size; ++column)
        {
            const int c = std::min(n - 1, column * n / size), r = std::min(n - 1, row * n / size);
            const float t = high > low ? std::clamp((at(c, r) - low) / (high - low), 0.0f, 1.0f) : 0.0f;
            const float position = t * 4.0f;
            const int index = std::min(3, static_cast<int>(position));
            const osg::Vec3 colour = ramp[index] * (1.0f - (position - index)) + ramp[index + 1] * (position - index);
            // Slope towards the light (north-west) brightens, away darkens.
            const double gx = (at(c + 1, r) - at(c - 1, r)) / (2.0 * spacing);
            const double gy = (at(c, r - 1) - at(c, r + 1)) / (2.0 * spacing);
            const auto shade = static_cast<float>(
                std::clamp(1.0 + 1.5 * (-gx * 0.7071 + gy * 0.7071) / std::sqrt(1.0 + gx * gx + gy * gy), 0.5, 1.35));
            std::uint8_t* out = &rgb[(static_cast<std::size_t>(row) * size + column) * 3];
            for (int k = 0; k < 3; ++k)
                out[k] = static_cast<std::uint8_t>(std::clamp(colour[k] * shade * 255.0f, 0.0f, 255.0f));
        }
}

/// Builds the mesh of one tile (level, x, y), placed in world coordinates.
osg::ref_ptr<osg::Node> buildTileMesh(const TerrainSpec& spec, int level, int x, int y)
{
    const double width = spec.rootWidth / (1 << level), height = spec.rootHeight / (1 << level);
    const double size = std::max(width, height);
    data::Extent box;
    box.include(spec.rootX + x * width, spec.rootY + y * height);
    box.include(spec.rootX + (x + 1) * width, spec.rootY + (y + 1) * height);
    const int n = spec.options.meshSize;
    std::vector<float> heights(static_cast<std::size_t>(n) * n, spec.baseHeight);
    if (spec.dem)
        (void)spec.dem->sampleGrid(box, n, heights, spec.baseHeight);
    const int texture = spec.options.textureSize;
    std::vector<std::uint8_t> rgb;
    if (spec.imagery)
        (void)spec.imagery->readRgb(box, texture, texture, rgb);
    else
        elevationColours(heights, n, spec.lowest, spec.highest, std::max(width, height) / (n - 1), texture, rgb);

    // Vertices relative to the tile's centre (small floats); row 0 of the samples is north.
    const osg::Vec3d centre(box.centerX(), box.centerY(), 0.0);
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> texCoords = new osg::Vec2Array;
    for (int row = 0; row < n; ++row)
        for (int column = 0; column < n; ++column)
        {
            const double u = static_cast<double>(column) / (n - 1), v = 1.0 - static_cast<double>(row) / (n - 1);
            vertices->push_back(osg::Vec3(static_cast<float>((u - 0.5) * width), static_cast<float>((v - 0.5) * height),
                                          heights[static_cast<std::size_t>(row) * n + column]));
            // The image is stored with its north row on top (t = 1), like the mesh.
            texCoords->push_back(osg::Vec2(static_cast<float>(u), static_cast<float>(v)));
        }
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    auto index = [n](int column, int row) { return static_cast<unsigned int>(row * n + column); };
    for (int row = 0; row + 1 < n; ++row)
        for (int column = 0; column + 1 < n; ++column)
        {
            const unsigned int a = index(column, row), b = index(column + 1, row), c = index(column + 1, row + 1),
                               d = index(column, row + 1);
            for (unsigned int i : {a, d, c, a, c, b})
                triangles->push_back(i);
        }
    // Skirts: each edge hangs a wall down, hiding cracks against coarser or finer neighbours.
    const float skirt = static_cast<float>(std::max(5.0, size * 0.02));
    auto addSkirt = [&](auto&& edgeIndex)
    {
        for (int k = 0; k + 1 < n; ++k)
        {
            const unsigned int top0 = edgeIndex(k), top1 = edgeIndex(k + 1);
            const auto bottom0 = static_cast<unsigned int>(vertices->size());
            for (unsigned int top : {top0, top1})
            {
                osg::Vec3 down = (*vertices)[top];
                down.z() -= skirt;
                vertices->push_back(down);
                texCoords->push_back((*texCoords)[top]);
            }
            for (unsigned int i : {top0, bottom0, bottom0 + 1, top0, bottom0 + 1, top1})
                triangles->push_back(i);
        }
    };
    addSkirt([&](int k) { return index(k, 0); });
    addSkirt([&](int k) { return index(k, n - 1); });
    addSkirt([&](int k) { return index(0, k); });
    addSkirt([&](int k) { return index(n - 1, k); });

    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseVertexBufferObjects(true);
    geometry->setUseDisplayList(false);
    geometry->setVertexArray(vertices.get());
    geometry->setTexCoordArray(0, texCoords.get());
    osg::ref_ptr<osg::Vec4Array> white = new osg::Vec4Array(1);
    (*white)[0].set(1.0f, 1.0f, 1.0f, 1.0f);
    geometry->setColorArray(white.get(), osg::Array::BIND_OVERALL);
    geometry->addPrimitiveSet(triangles.get());

    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(texture, texture, 1, GL_RGB, GL_UNSIGNED_BYTE);
    for (int row = 0; row < texture; ++row)
        std::copy_n(&rgb[static_cast<std::size_t>(row) * texture * 3], texture * 3, image->data(0, texture - 1 - row));
    osg::ref_ptr<osg::Texture2D> map = new osg::Texture2D(image.get());
    map->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    map->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    map->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_LINEAR);
    map->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    map->setUnRefImageDataAfterApply(true);
    osg::StateSet* state = geometry->getOrCreateStateSet();
    state->setTextureAttributeAndModes(0, map.get());
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    // The ground is drawn before everything that lies on it, its depth pushed back so that what is draped
    // a little above the DEM stays in front of the coarser tile meshes (the push shrinks as the camera nears).
    state->setRenderBinDetails(-2, "RenderBin");
    state->setAttributeAndModes(new osg::PolygonOffset(1.0f, TerrainDepthPush));

    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(geometry.get());
    osg::ref_ptr<osg::MatrixTransform> placed = new osg::MatrixTransform;
    placed->setMatrix(osg::Matrixd::translate(centre - spec.sceneOrigin));
    placed->addChild(geode.get());
    return placed;
}

std::string tileFileName(int id, int level, int x, int y)
{
    char name[96];
    std::snprintf(name, sizeof name, "%d/%d/%d/%d.%s", id, level, x, y, Extension);
    return name;
}

/// A tile: its own mesh from afar, its four children (loaded by the pager) from near.
osg::ref_ptr<osg::Node> buildTile(const TerrainSpec& spec, int id, int level, int x, int y)
{
    osg::ref_ptr<osg::Node> mesh = buildTileMesh(spec, level, x, y);
    if (level >= spec.maxLevel)
        return mesh;
    osg::ref_ptr<osg::PagedLOD> lod = new osg::PagedLOD;
    const osg::BoundingSphere bound = mesh->getBound();
    lod->setCenterMode(osg::LOD::USER_DEFINED_CENTER);
    lod->setCenter(bound.center());
    lod->setRadius(bound.radius());
    const float split = static_cast<float>(bound.radius() * spec.options.splitFactor);
    lod->addChild(mesh.get(), split, 1e30f);
    lod->setFileName(1, tileFileName(id, level + 1, 2 * x, 2 * y));
    lod->setRange(1, 0.0f, split);
    return lod;
}

/// Serves the pager's requests for "id/level/x/y.citytwin_terrain": the four children of a tile, whose
/// lower-left child is (x, y).
class TerrainTileReader : public osgDB::ReaderWriter
{
public:
    TerrainTileReader() { supportsExtension(Extension, "CityTwin terrain tiles (generated)"); }
    const char* className() const override { return "CityTwin terrain tiles"; }

    ReadResult readNode(const std::string& fileName, const osgDB::Options*) const override
    {
        if (!acceptsExtension(osgDB::getLowerCaseFileExtension(fileName)))
            return ReadResult::FILE_NOT_HANDLED;
        int id = 0, level = 0, x = 0, y = 0;
        if (std::sscanf(fileName.c_str(), "%d/%d/%d/%d.", &id, &level, &x, &y) != 4)
            return ReadResult::FILE_NOT_HANDLED;
        std::shared_ptr<const TerrainSpec> spec;
        {
            std::lock_guard lock(sSpecsMutex);
            const auto found = sSpecs.find(id);
            if (found != sSpecs.end())
                spec = found->second.lock();
        }
        if (!spec)
            return ReadResult::FILE_NOT_FOUND; // the terrain is gone
        osg::ref_ptr<osg::Group> children = new osg::Group;
        for (int dy = 0; dy < 2; ++dy)
            for (int dx = 0; dx < 2; ++dx)
                children->addChild(buildTile(*spec, id, level, x + dx, y + dy).get());
        return children.release();
    }
};

void registerReader()
{
    static std::once_flag once;
    std::call_once(once, [] { osgDB::Registry::instance()->addReaderWriter(new TerrainTileReader); });
}

/// Keeps the spec alive as long as the terrain node, and unregisters it with the node.
class SpecHolder : public osg::Referenced
{
public:
    SpecHolder(int id, std::shared_ptr<const TerrainSpec> spec) : mId(id), mSpec(std::move(spec)) {}
    ~SpecHolder() override
    {
        std::lock_guard lock(sSpecsMutex);
        sSpecs.erase(mId);
    }

private:
    int mId;
    std::shared_ptr<const TerrainSpec> mSpec;
};
} // namespace

osg::ref_ptr<osg::Node> buildTerrain(std::shared_ptr<const data::RasterSource> dem,
                                     std::shared_ptr<const data::RasterSource> imagery, const osg::Vec3d& sceneOrigin,
                                     const TerrainOptions& options)
{
    if (!dem && !imagery)
        return nullptr;
    registerReader();
    auto spec = std::make_shared<TerrainSpec>();
    spec->dem = dem;
    spec->imagery = imagery;
    spec->sceneOrigin = sceneOrigin;
    spec->options = options;
    const data::Extent extent = dem ? dem->extent() : imagery->extent();
    spec->rootWidth = extent.maxX - extent.minX;
    spec->rootHeight = extent.maxY - extent.minY;
    spec->rootX = extent.minX;
    spec->rootY = extent.minY;
    const double rootSize = std::max(spec->rootWidth, spec->rootHeight);
    // Deep enough that the finest tiles show the finest raster at one texture (or mesh) pixel per pixel.
    const double finest =
        imagery ? imagery->resolution() * options.textureSize : dem->resolution() * (options.meshSize - 1);
    spec->maxLevel = options.maxLevel >= 0
                         ? options.maxLevel
                         : std::clamp(static_cast<int>(std::ceil(std::log2(rootSize / finest))), 0, 16);
    if (dem)
    {
        // The DEM's range from a coarse look at all of it.
        std::vector<float> sample;
        if (dem->sampleGrid(extent, 65, sample, std::numeric_limits<float>::quiet_NaN()).ok())
        {
            spec->lowest = std::numeric_limits<float>::max();
            spec->highest = std::numeric_limits<float>::lowest();
            for (float value : sample)
                if (!std::isnan(value))
                {
                    spec->lowest = std::min(spec->lowest, value);
                    spec->highest = std::max(spec->highest, value);
                }
            if (spec->lowest > spec->highest)
                spec->lowest = spec->highest = 0.0f;
            spec->baseHeight = spec->lowest;
        }
    }
    const int id = sNextId++;
    {
        std::lock_guard lock(sSpecsMutex);
        sSpecs[id] = spec;
    }
    osg::ref_ptr<osg::Group> terrain = new osg::Group;
    terrain->setName(TerrainNodeName);
    terrain->setUserData(new SpecHolder(id, spec));
    terrain->addChild(buildTile(*spec, id, 0, 0, 0).get());
    return terrain;
}

} // namespace citytwin::scene
