#include "tiles3d_model.hpp"

#include "data/core/log.hpp"
#include "gltf_builder.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <limits>
#include <map>
#include <mutex>

#include <osg/CullStack>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/PagedLOD>
#include <osg/Point>
#include <osg/ValueObject>
#include <osg/observer_ptr>
#include <osgDB/FileNameUtils>
#include <osgDB/ReaderWriter>
#include <osgDB/Registry>

namespace citytwin::scene
{
namespace
{
constexpr const char* LogCategory = "scene.3dtiles";
/// The pseudo-file extension the database pager is asked for: "<tileset id>/<request key>.citytwin_3dtiles".
constexpr const char* Extension = "citytwin_3dtiles";
/// The user value naming an i3dm instance's batch id on its transform.
constexpr const char* InstanceBatchId = "batchId";
/// Composite tiles may nest; real ones nest once. Deeper is a broken or hostile file.
constexpr int MaximumCompositeDepth = 4;
/// Point size of point clouds, pixels.
constexpr float PointSize = 3.0f;

osg::Matrixd toOsg(const data::Matrix4d& matrix)
{
    // data::Matrix4d is column-major with column vectors; osg::Matrixd is row-major with row vectors: the same
    // sixteen numbers in the same order.
    return osg::Matrixd(matrix.data());
}

/// glTF is y-up, 3D Tiles z-up: +90 degrees about x turns glTF's y onto z.
osg::Matrixd yUpToZUp()
{
    return osg::Matrixd::rotate(osg::PI_2, osg::Vec3d(1.0, 0.0, 0.0));
}

/// What the pager is asked to load for one tile.
struct ContentRequest
{
    std::string path;
    data::TileContentKind kind = data::TileContentKind::None;
    data::Matrix4d transform = data::identityMatrix();
    data::TileRefine refine = data::TileRefine::Replace;
    /// For an external tileset: the identities of the tilesets that lead to it (cycles are not followed).
    std::vector<std::string> chain;
};

/// A loaded tileset's requests and warnings, shared by its nodes (GUI / cull thread) and the pager's threads.
class TilesetContext : public osg::Referenced
{
public:
    int id = 0;

    std::string add(ContentRequest request)
    {
        std::lock_guard lock(mMutex);
        mRequests.push_back(std::move(request));
        return std::to_string(id) + "/" + std::to_string(mRequests.size() - 1) + "." + Extension;
    }

    std::optional<ContentRequest> request(std::size_t key) const
    {
        std::lock_guard lock(mMutex);
        return key < mRequests.size() ? std::optional(mRequests[key]) : std::nullopt;
    }

    void warn(const std::string& text)
    {
        std::lock_guard lock(mMutex);
        if (std::find(mWarnings.begin(), mWarnings.end(), text) != mWarnings.end())
            return;
        mWarnings.push_back(text);
        data::log(data::LogLevel::Warning, LogCategory, "[Tiles3dModel] " + text);
    }

    std::vector<std::string> warnings() const
    {
        std::lock_guard lock(mMutex);
        return mWarnings;
    }

protected:
    ~TilesetContext() override;

private:
    mutable std::mutex mMutex;
    std::vector<ContentRequest> mRequests;
    std::vector<std::string> mWarnings;
};

std::mutex sContextsMutex;
std::map<int, osg::observer_ptr<TilesetContext>> sContexts;
int sNextContextId = 1;

TilesetContext::~TilesetContext()
{
    std::lock_guard lock(sContextsMutex);
    sContexts.erase(id);
}

osg::ref_ptr<TilesetContext> makeContext()
{
    osg::ref_ptr<TilesetContext> context = new TilesetContext;
    std::lock_guard lock(sContextsMutex);
    context->id = sNextContextId++;
    sContexts[context->id] = context.get();
    return context;
}

osg::ref_ptr<TilesetContext> findContext(int id)
{
    std::lock_guard lock(sContextsMutex);
    const auto found = sContexts.find(id);
    osg::ref_ptr<TilesetContext> context;
    if (found != sContexts.end())
        found->second.lock(context);
    return context;
}

/// One tile: a PagedLOD whose child 0 groups the child tiles (never expired) and whose child 1 is the content,
/// paged in by the database pager and expired by it when out of view. It replaces the LOD's range test by
/// 3D Tiles' screen-space error.
class Tile3dNode : public osg::PagedLOD
{
public:
    Tile3dNode(const data::Tile3d& tile, TilesetContext& context, const std::vector<std::string>& chain)
        : mGeometricError(tile.geometricError), mRefine(tile.refine),
          mAlwaysShowContent(tile.contentKind == data::TileContentKind::Tileset)
    {
        const data::Sphere3d sphere = data::boundingSphereEcef(tile.boundingVolume, tile.transform);
        setCenterMode(osg::LOD::USER_DEFINED_CENTER);
        setCenter(osg::Vec3(osg::Vec3d(sphere.centre[0], sphere.centre[1], sphere.centre[2])));
        setRadius(static_cast<float>(sphere.radius));
        if (tile.viewerRequestVolume)
        {
            const data::Sphere3d volume = data::boundingSphereEcef(*tile.viewerRequestVolume, tile.transform);
            mRequestVolume = osg::BoundingSphered(osg::Vec3d(volume.centre[0], volume.centre[1], volume.centre[2]),
                                                  volume.radius);
        }
        osg::PagedLOD::addChild(new osg::Group, 0.0f, std::numeric_limits<float>::max());
        setNumChildrenThatCannotBeExpired(1);
        if (tile.contentKind != data::TileContentKind::None)
        {
            setFileName(1, context.add({tile.contentPath, tile.contentKind, tile.transform, tile.refine, chain}));
            setRange(1, 0.0f, std::numeric_limits<float>::max());
            mHasContent = true;
        }
    }

    osg::Group* childTiles() { return getChild(0)->asGroup(); }

    /// True when the tile has no content or its content is loaded (an unreadable one loads as empty).
    bool contentReady() const { return !mHasContent || getNumChildren() > 1; }

    void traverse(osg::NodeVisitor& visitor) override
    {
        osg::CullStack* cull = visitor.asCullStack();
        const osg::FrameStamp* stamp = visitor.getFrameStamp();
        if (visitor.getVisitorType() != osg::NodeVisitor::CULL_VISITOR || !cull || !stamp || !cull->getViewport())
        {
            // Bounds, picking and other visitors see what is loaded.
            osg::Group::traverse(visitor);
            return;
        }
        _frameNumberOfLastTraversal = stamp->getFrameNumber();
        const osg::Vec3d eye(visitor.getEyePoint());
        if (mRequestVolume && (eye - mRequestVolume->center()).length() > mRequestVolume->radius())
            return;
        const double distance = std::max((eye - osg::Vec3d(getCenter())).length() - getRadius(), 1.0);
        // Screen-space error: the geometric error seen at that distance, in pixels (P(1,1) = 1 / tan(fov / 2)).
        const double screenError =
            mGeometricError * cull->getViewport()->height() * (*cull->getProjectionMatrix())(1, 1) / (2.0 * distance);
        const float priority = static_cast<float>(-distance); // the pager loads the highest priority first
        const bool refine = screenError > Tiles3dMaximumScreenSpaceError && childTiles()->getNumChildren() > 0;
        if (!refine || mAlwaysShowContent || mRefine == data::TileRefine::Add)
        {
            showContent(visitor, visitor.getNodePath(), priority);
            if (refine)
                childTiles()->accept(visitor);
            return;
        }
        // REPLACE: the children take over once the visible ones have their content; until then this tile shows.
        bool ready = true;
        for (unsigned int i = 0; i < childTiles()->getNumChildren(); ++i)
        {
            auto* child = static_cast<Tile3dNode*>(childTiles()->getChild(i));
            if (child->contentReady() || cull->isCulled(*child))
                continue;
            ready = false;
            osg::NodePath path = visitor.getNodePath();
            path.push_back(childTiles());
            path.push_back(child);
            child->requestContent(visitor, path, priority);
        }
        if (ready)
            childTiles()->accept(visitor);
        else
            showContent(visitor, visitor.getNodePath(), priority);
    }

    void requestContent(osg::NodeVisitor& visitor, osg::NodePath& path, float priority)
    {
        if (contentReady() || !visitor.getDatabaseRequestHandler())
            return;
        visitor.getDatabaseRequestHandler()->requestNodeFile(_perRangeDataList[1]._filename, path, priority,
                                                             visitor.getFrameStamp(),
                                                             _perRangeDataList[1]._databaseRequest,
                                                             _databaseOptions.get());
    }

private:
    void showContent(osg::NodeVisitor& visitor, const osg::NodePath& nodePath, float priority)
    {
        if (!mHasContent)
            return;
        if (getNumChildren() > 1)
        {
            setTimeStamp(1, visitor.getFrameStamp()->getReferenceTime());
            setFrameNumber(1, visitor.getFrameStamp()->getFrameNumber());
            _children[1]->accept(visitor);
            return;
        }
        osg::NodePath path = nodePath;
        requestContent(visitor, path, priority);
    }

    double mGeometricError;
    data::TileRefine mRefine;
    bool mAlwaysShowContent; ///< an external tileset: its tiles decide for themselves
    bool mHasContent = false;
    std::optional<osg::BoundingSphered> mRequestVolume;
};

/// The nodes of one tileset.json's tiles, the root in a group.
osg::ref_ptr<osg::Group> buildSkeleton(const data::Tileset3d& tileset, TilesetContext& context,
                                       std::vector<std::string> chain)
{
    chain.push_back(data::tileset3dIdentity(tileset.path));
    std::vector<osg::ref_ptr<Tile3dNode>> nodes;
    nodes.reserve(tileset.tiles.size());
    for (const data::Tile3d& tile : tileset.tiles)
        nodes.push_back(new Tile3dNode(tile, context, chain));
    for (std::size_t i = 0; i < tileset.tiles.size(); ++i)
        for (std::size_t child : tileset.tiles[i].children)
            nodes[i]->childTiles()->addChild(nodes[child].get());
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(std::filesystem::path(tileset.path).filename().string());
    if (!nodes.empty())
        group->addChild(nodes.front().get());
    for (const std::string& warning : tileset.warnings)
        context.warn(tileset.path + ": " + warning);
    return group;
}

osg::ref_ptr<osg::Node> pointCloudNode(const data::PntsContent& points, const data::Matrix4d& tileTransform)
{
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array(points.pointCount);
    for (std::size_t i = 0; i < points.pointCount; ++i)
        (*vertices)[i].set(points.positions[i * 3], points.positions[i * 3 + 1], points.positions[i * 3 + 2]);
    geometry->setVertexArray(vertices.get());
    osg::ref_ptr<osg::Vec4ubArray> colors = new osg::Vec4ubArray;
    if (points.colors.empty())
        colors->push_back(osg::Vec4ub(255, 255, 255, 255));
    for (std::size_t i = 0; i + 3 < points.colors.size(); i += 4)
        colors->push_back(osg::Vec4ub(points.colors[i], points.colors[i + 1], points.colors[i + 2], points.colors[i + 3]));
    colors->setNormalize(true);
    geometry->setColorArray(colors.get(), points.colors.empty() ? osg::Array::BIND_OVERALL : osg::Array::BIND_PER_VERTEX);
    geometry->addPrimitiveSet(new osg::DrawArrays(GL_POINTS, 0, static_cast<GLsizei>(points.pointCount)));
    osg::ref_ptr<BatchIds> ids = new BatchIds;
    if (points.batchIds.empty())
        for (std::size_t i = 0; i < points.pointCount; ++i)
            ids->perVertex.push_back(static_cast<std::uint32_t>(i));
    else
        ids->perVertex = points.batchIds;
    geometry->setUserData(ids.get());
    osg::StateSet* state = geometry->getOrCreateStateSet();
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    state->setAttributeAndModes(new osg::Point(PointSize));
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(geometry.get());
    osg::ref_ptr<osg::MatrixTransform> transform = new osg::MatrixTransform(
        osg::Matrixd::translate(points.centre[0], points.centre[1], points.centre[2]) * toOsg(tileTransform));
    transform->addChild(geode.get());
    return transform;
}

void attachBatchTable(osg::Node& node, const std::string& path, data::BatchTable table)
{
    osg::ref_ptr<Tiles3dBatchTable> holder = new Tiles3dBatchTable;
    holder->contentPath = path;
    holder->table = std::move(table);
    node.setUserData(holder.get());
}

data::Result<osg::ref_ptr<osg::Node>> gltfContentNode(const std::string& bytes, const std::string& path,
                                                      const osg::Matrixd& placement,
                                                      const std::optional<std::array<double, 3>>& rtcCenter,
                                                      std::vector<std::string>& warnings)
{
    auto gltf = buildGltfNode(bytes, std::filesystem::path(path).parent_path().string(), path);
    if (!gltf)
        return gltf.error();
    for (const std::string& warning : gltf->warnings)
        warnings.push_back(path + ": " + warning);
    const auto rtc = rtcCenter ? rtcCenter : gltf->rtcCenter;
    osg::Matrixd matrix = yUpToZUp();
    if (rtc)
        matrix.postMultTranslate(osg::Vec3d((*rtc)[0], (*rtc)[1], (*rtc)[2]));
    osg::ref_ptr<osg::MatrixTransform> transform = new osg::MatrixTransform(matrix * placement);
    transform->setName(std::filesystem::path(path).filename().string());
    transform->addChild(gltf->node.get());
    return osg::ref_ptr<osg::Node>(transform);
}

data::Result<osg::ref_ptr<osg::Node>> instancedNode(const std::string& bytes, const std::string& path,
                                                    const data::Matrix4d& tileTransform,
                                                    std::vector<std::string>& warnings)
{
    auto content = data::parseI3dm(bytes, path);
    if (!content)
        return content.error();
    std::string model = content->glb;
    std::string modelPath = path;
    if (!content->gltfPath.empty())
    {
        auto read = data::readContentFile(content->gltfPath);
        if (!read)
            return data::Error{read.error().code, "the glTF model the i3dm names (" + content->gltfPath + ") " +
                                                      read.error().detail, path};
        model = std::move(read.value());
        modelPath = content->gltfPath;
    }
    auto gltf = buildGltfNode(model, std::filesystem::path(modelPath).parent_path().string(), modelPath);
    if (!gltf)
        return gltf.error();
    for (const std::string& warning : gltf->warnings)
        warnings.push_back(path + ": " + warning);
    osg::ref_ptr<osg::MatrixTransform> group = new osg::MatrixTransform(toOsg(tileTransform));
    group->setName(std::filesystem::path(path).filename().string());
    for (std::size_t i = 0; i < content->instances.size(); ++i)
    {
        osg::ref_ptr<osg::MatrixTransform> instance =
            new osg::MatrixTransform(yUpToZUp() * toOsg(content->instances[i]));
        instance->setUserValue(InstanceBatchId, static_cast<unsigned int>(i));
        instance->addChild(gltf->node.get());
        group->addChild(instance.get());
    }
    attachBatchTable(*group, path, std::move(content->batchTable));
    return osg::ref_ptr<osg::Node>(group);
}

data::Result<osg::ref_ptr<osg::Node>> contentFromBytes(const std::string& bytes, const std::string& path,
                                                       const data::Matrix4d& tileTransform,
                                                       std::vector<std::string>& warnings, int depth)
{
    switch (data::contentKindFromMagic(bytes))
    {
    case data::TileContentKind::B3dm:
    {
        auto content = data::parseB3dm(bytes, path);
        if (!content)
            return content.error();
        auto node = gltfContentNode(content->glb, path, toOsg(tileTransform), content->rtcCenter, warnings);
        if (node)
            attachBatchTable(*node.value(), path, std::move(content->batchTable));
        return node;
    }
    case data::TileContentKind::Glb:
    case data::TileContentKind::Gltf:
        return gltfContentNode(bytes, path, toOsg(tileTransform), std::nullopt, warnings);
    case data::TileContentKind::I3dm:
        return instancedNode(bytes, path, tileTransform, warnings);
    case data::TileContentKind::Pnts:
    {
        auto points = data::parsePnts(bytes, path);
        if (!points)
            return points.error();
        osg::ref_ptr<osg::Node> node = pointCloudNode(*points, tileTransform);
        attachBatchTable(*node, path, std::move(points->batchTable));
        return node;
    }
    case data::TileContentKind::Cmpt:
    {
        auto inner = data::splitCmpt(bytes, path);
        if (!inner)
            return inner.error();
        if (depth >= MaximumCompositeDepth)
            return data::Error{data::ErrorCode::FormatNotSupported, "cmpt tile recognised, but nested too deeply", path};
        osg::ref_ptr<osg::Group> group = new osg::Group;
        for (const std::string& tile : inner.value())
        {
            auto node = contentFromBytes(tile, path, tileTransform, warnings, depth + 1);
            if (!node)
                return node.error();
            group->addChild(node.value().get());
        }
        return osg::ref_ptr<osg::Node>(group);
    }
    default:
        break;
    }
    const std::string magic = bytes.substr(0, std::min<std::size_t>(4, bytes.size()));
    const bool printable = std::all_of(magic.begin(), magic.end(), [](unsigned char c) { return c >= 32 && c < 127; });
    return data::Error{data::ErrorCode::FormatNotSupported,
                       "tile content kind not supported (magic '" + (printable ? magic : std::string("binary")) +
                           "'; b3dm, i3dm, pnts, cmpt, glb and glTF are)",
                       path};
}

/// Serves the pager's requests for "<tileset id>/<key>.citytwin_3dtiles": a tile's content, or the tiles of an
/// external tileset. What cannot be read becomes an empty group and a warning, so the pager does not retry it
/// every frame and the rest of the tileset still shows.
class Tiles3dReader : public osgDB::ReaderWriter
{
public:
    Tiles3dReader() { supportsExtension(Extension, "CityTwin 3D Tiles contents (pseudo-loader)"); }
    const char* className() const override { return "CityTwin 3D Tiles contents"; }

    ReadResult readNode(const std::string& fileName, const osgDB::Options*) const override
    {
        if (!acceptsExtension(osgDB::getLowerCaseFileExtension(fileName)))
            return ReadResult::FILE_NOT_HANDLED;
        int id = 0;
        std::size_t key = 0;
        if (std::sscanf(fileName.c_str(), "%d/%zu.", &id, &key) != 2)
            return ReadResult::FILE_NOT_HANDLED;
        const osg::ref_ptr<TilesetContext> context = findContext(id);
        const auto request = context ? context->request(key) : std::nullopt;
        if (!request)
            return ReadResult::FILE_NOT_FOUND; // the tileset is gone
        try
        {
            return load(*context, *request).release();
        }
        catch (const std::exception& error)
        {
            context->warn(request->path + ": cannot be read (" + error.what() + ")");
            return new osg::Group;
        }
    }

private:
    static osg::ref_ptr<osg::Node> load(TilesetContext& context, const ContentRequest& request)
    {
        if (request.kind == data::TileContentKind::Tileset)
        {
            if (data::refersBack(request.path, request.chain))
            {
                context.warn(data::cycleWarning(request.path, request.chain.back()));
                return new osg::Group;
            }
            auto tileset = data::readTileset3d(request.path, request.transform, request.refine);
            if (!tileset)
            {
                context.warn(tileset.error().message());
                return new osg::Group;
            }
            return buildSkeleton(tileset.value(), context, request.chain);
        }
        std::vector<std::string> warnings;
        auto node = buildTileContentNode(request.path, request.transform, warnings);
        for (const std::string& warning : warnings)
            context.warn(warning);
        if (!node)
        {
            context.warn(node.error().message());
            return new osg::Group;
        }
        return node.value();
    }
};

void registerReader()
{
    static std::once_flag once;
    std::call_once(once, [] { osgDB::Registry::instance()->addReaderWriter(new Tiles3dReader); });
}

data::Result<data::Tileset3dPlacement> placementOf(const data::Tileset3d& tileset, const std::string& projectCrs)
{
    const data::Tile3d& root = tileset.tiles.front();
    const auto& v = root.boundingVolume.values;
    // A region's own centre (mid longitude, latitude and height), else the centre of the enclosing sphere.
    const std::array<double, 3> anchor =
        root.boundingVolume.kind == data::BoundingVolume3d::Kind::Region
            ? data::geodeticToEcef((v[0] + v[2]) / 2.0, (v[1] + v[3]) / 2.0, (v[4] + v[5]) / 2.0)
            : data::boundingSphereEcef(root.boundingVolume, root.transform).centre;
    return data::placeTileset3d(anchor, projectCrs, tileset.path);
}
} // namespace

data::Result<data::Tileset3dPlacement> placeTiles3d(const std::string& fileOrFolder, const std::string& projectCrs)
{
    auto tileset = data::readTileset3d(fileOrFolder);
    if (!tileset)
        return tileset.error();
    return placementOf(tileset.value(), projectCrs);
}

data::Result<osg::ref_ptr<osg::Node>> buildTileContentNode(const std::string& path, const data::Matrix4d& tileTransform,
                                                           std::vector<std::string>& warnings)
{
    auto bytes = data::readContentFile(path);
    if (!bytes)
        return bytes.error();
    return contentFromBytes(bytes.value(), path, tileTransform, warnings, 0);
}

data::Result<osg::ref_ptr<osg::MatrixTransform>> loadTiles3dModel(const std::string& fileOrFolder,
                                                                  const std::string& projectCrs,
                                                                  const osg::Vec3d& sceneOrigin)
{
    auto tileset = data::readTileset3d(fileOrFolder);
    if (!tileset)
        return tileset.error();
    auto placement = placementOf(tileset.value(), projectCrs);
    if (!placement)
        return placement.error();
    registerReader();
    osg::ref_ptr<TilesetContext> context = makeContext();

    // The tileset file itself is the content of an invisible tile above the root, so that the pager loads (and
    // may expire) the whole tree the same way as external tilesets.
    const data::Tile3d& root = tileset->tiles.front();
    data::Tile3d top;
    top.boundingVolume = root.boundingVolume;
    top.geometricError = std::numeric_limits<double>::max();
    top.contentPath = tileset->path;
    top.contentKind = data::TileContentKind::Tileset;
    top.transform = data::identityMatrix();
    osg::ref_ptr<Tile3dNode> topNode = new Tile3dNode(top, *context, {});
    {
        // The bound of the root tile (its own transform applied), known before anything is loaded.
        const data::Sphere3d sphere = data::boundingSphereEcef(root.boundingVolume, root.transform);
        topNode->setCenter(osg::Vec3(osg::Vec3d(sphere.centre[0], sphere.centre[1], sphere.centre[2])));
        topNode->setRadius(static_cast<float>(sphere.radius));
    }

    const std::filesystem::path file(tileset->path);
    osg::ref_ptr<osg::MatrixTransform> model =
        new osg::MatrixTransform(toOsg(placement->projectFromEcef) * osg::Matrixd::translate(-sceneOrigin));
    std::error_code errorCode;
    const std::filesystem::path folder = std::filesystem::absolute(file, errorCode).lexically_normal().parent_path();
    model->setName("3dtiles:" + folder.filename().string());
    model->setUserData(context.get());
    model->addChild(topNode.get());
    for (const std::string& warning : tileset->warnings)
        context->warn(tileset->path + ": " + warning);
    // External tilesets that go round in a cycle, or cannot be read, are said now rather than when (and if) the
    // camera comes close enough for the pager to reach them. A bounded look: 64 tileset files.
    if (auto summary = data::summarizeTileset3d(fileOrFolder, projectCrs, 64))
        for (const std::string& warning : summary->warnings)
            if (warning.find("tileset files; the counts cover") == std::string::npos &&
                std::find(tileset->warnings.begin(), tileset->warnings.end(), warning) == tileset->warnings.end())
                context->warn(warning);
    data::log(data::LogLevel::Info, LogCategory,
              "[Tiles3dModel] " + tileset->path + ": 3D Tiles " + tileset->version + ", " +
                  std::to_string(tileset->tiles.size()) + " tiles, centre at " + std::to_string(placement->x) + ", " +
                  std::to_string(placement->y) + " in " + projectCrs + ", rotated " +
                  std::to_string(osg::RadiansToDegrees(placement->rotation)) + " degrees");
    return model;
}

std::vector<std::string> tiles3dWarnings(const osg::Node& model)
{
    const auto* context = dynamic_cast<const TilesetContext*>(model.getUserData());
    return context ? context->warnings() : std::vector<std::string>();
}

std::optional<Tiles3dFeature> tiles3dFeatureOf(const osgUtil::LineSegmentIntersector::Intersection& hit)
{
    const Tiles3dBatchTable* table = nullptr;
    std::optional<std::size_t> batchId;
    for (auto node = hit.nodePath.rbegin(); node != hit.nodePath.rend() && !table; ++node)
    {
        unsigned int instance = 0;
        if (!batchId && (*node)->getUserValue(InstanceBatchId, instance))
            batchId = instance;
        table = dynamic_cast<const Tiles3dBatchTable*>((*node)->getUserData());
    }
    if (!table)
        return std::nullopt;
    const osg::Geometry* geometry = hit.drawable.valid() ? hit.drawable->asGeometry() : nullptr;
    const auto* ids = geometry ? dynamic_cast<const BatchIds*>(geometry->getUserData()) : nullptr;
    if (!batchId && ids && !hit.indexList.empty() && hit.indexList.front() < ids->perVertex.size())
        batchId = ids->perVertex[hit.indexList.front()];
    if (!batchId)
        return std::nullopt;
    Tiles3dFeature feature;
    feature.contentPath = table->contentPath;
    feature.batchId = *batchId;
    feature.attributes = table->table.attributes(*batchId);
    return feature;
}

} // namespace citytwin::scene
