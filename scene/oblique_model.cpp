#include "oblique_model.hpp"

#include "data/core/log.hpp"
#include "data/io/oblique_metadata.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include <osg/ComputeBoundsVisitor>
#include <osg/NodeVisitor>
#include <osg/PagedLOD>
#include <osg/observer_ptr>
#include <osgDB/Options>
#include <osgDB/ReadFile>
#include <osgDB/Registry>

namespace citytwin::scene
{
namespace
{
constexpr const char* LogCategory = "scene.oblique";
/// Grid scale factors differ from 1 by a few 1e-4 and are ignored; beyond this the SRS counts in another
/// unit (feet) and the mesh must be scaled.
constexpr double UnitScaleThreshold = 0.05;

/// Prepares every PagedLOD of a freshly read tile file: gives it the tile folder as database path when the
/// reader left it empty (OSG's osgb reader normally sets it from the file name), hands it the model's read
/// options so that the files it pages in are prepared the same way, and turns paging off where the child
/// file is missing. Partial copies of tilesets are common (the shared sample lacks its 44 L20 files), and
/// without this the pager retries every missing file on every frame it is wanted.
class TilePreparer : public osg::NodeVisitor
{
public:
    TilePreparer(std::string folder, osgDB::Options* options)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), mFolder(std::move(folder)), mOptions(options)
    {
    }

    void apply(osg::PagedLOD& lod) override
    {
        if (lod.getDatabasePath().empty())
            lod.setDatabasePath(mFolder);
        lod.setDatabaseOptions(mOptions);
        std::error_code errorCode;
        for (unsigned int i = lod.getNumChildren(); i < lod.getNumFileNames(); ++i)
        {
            const std::string& name = lod.getFileName(i);
            if (!name.empty() && !std::filesystem::exists(lod.getDatabasePath() + name, errorCode))
            {
                lod.setDisableExternalChildrenPaging(true);
                ++mMissing;
            }
        }
        traverse(lod);
    }

    int missing() const { return mMissing; }

private:
    std::string mFolder;
    osgDB::Options* mOptions;
    int mMissing = 0;
};

/// Reads tile files for the model's PagedLODs (on the database pager's threads) and prepares what it read.
class TileReadCallback : public osgDB::ReadFileCallback
{
public:
    void setOptions(osgDB::Options* options) { mOptions = options; }

    osgDB::ReaderWriter::ReadResult readNode(const std::string& fileName, const osgDB::Options* options) override
    {
        osgDB::ReaderWriter::ReadResult result = osgDB::ReadFileCallback::readNode(fileName, options);
        osg::ref_ptr<osgDB::Options> shared;
        if (result.validNode() && mOptions.lock(shared))
        {
            // The subtree is not attached yet: changing it here, off the GUI thread, is safe.
            TilePreparer preparer(std::filesystem::path(fileName).parent_path().string(), shared.get());
            result.getNode()->accept(preparer);
            if (preparer.missing() > 0)
                data::log(data::LogLevel::Debug, LogCategory,
                          "[ObliqueModel] " + fileName + ": " + std::to_string(preparer.missing()) +
                              " finer tiles missing, coarser level kept");
        }
        return result;
    }

private:
    // Observed, not owned: the options own this callback.
    osg::observer_ptr<osgDB::Options> mOptions;
};

osg::ref_ptr<osgDB::Options> makeReadOptions()
{
    osg::ref_ptr<osgDB::Options> options = osgDB::Registry::instance()->getOptions()
                                               ? osgDB::Registry::instance()->getOptions()->cloneOptions()
                                               : new osgDB::Options;
    osg::ref_ptr<TileReadCallback> callback = new TileReadCallback;
    callback->setOptions(options.get());
    options->setReadFileCallback(callback.get());
    return options;
}

osg::Matrixd placementMatrix(const data::ObliquePlacement& placement, const osg::Vec3d& sceneOrigin)
{
    osg::Matrixd matrix = osg::Matrixd::rotate(placement.rotation, osg::Vec3d(0.0, 0.0, 1.0));
    if (std::abs(placement.scale - 1.0) > UnitScaleThreshold)
        matrix.preMultScale(osg::Vec3d(placement.scale, placement.scale, placement.scale));
    matrix.postMultTranslate(osg::Vec3d(placement.x, placement.y, placement.z) - sceneOrigin);
    return matrix;
}
} // namespace

std::vector<std::string> obliqueTopLevelTiles(const std::string& tilesetFolder)
{
    namespace fs = std::filesystem;
    std::vector<std::string> tiles;
    std::error_code errorCode;
    const fs::path dataFolder = fs::absolute(fs::path(tilesetFolder), errorCode) / "Data";
    for (fs::directory_iterator it(dataFolder, errorCode), end; !errorCode && it != end; it.increment(errorCode))
    {
        const std::string name = it->path().filename().string();
        if (!name.starts_with("Tile_") || !it->is_directory(errorCode))
            continue;
        const fs::path tile = it->path() / (name + ".osgb");
        if (fs::is_regular_file(tile, errorCode))
            tiles.push_back(tile.lexically_normal().string());
    }
    std::sort(tiles.begin(), tiles.end());
    return tiles;
}

data::Result<osg::ref_ptr<osg::MatrixTransform>>
loadObliqueModel(const std::string& folderOrMetadataPath, const std::string& projectCrs, const osg::Vec3d& sceneOrigin)
{
    namespace fs = std::filesystem;
    auto metadata = data::readObliqueMetadata(folderOrMetadataPath);
    if (!metadata)
        return metadata.error();
    auto placement = data::placeInProjectCrs(*metadata, projectCrs);
    if (!placement)
        return placement.error();

    std::error_code errorCode;
    const fs::path folder = fs::absolute(fs::path(metadata->path), errorCode).lexically_normal().parent_path();
    const auto tiles = obliqueTopLevelTiles(folder.string());
    if (tiles.empty())
        return data::Error{data::ErrorCode::FileNotFound, "no top-level tiles Data/Tile_*/Tile_*.osgb",
                           folder.string()};

    osg::ref_ptr<osg::MatrixTransform> model = new osg::MatrixTransform(placementMatrix(*placement, sceneOrigin));
    model->setName("oblique:" + folder.filename().string());
    std::size_t failed = 0;
    int missing = 0;
    const osg::ref_ptr<osgDB::Options> options = makeReadOptions();
    for (const std::string& tile : tiles)
    {
        osg::ref_ptr<osg::Node> node = osgDB::readRefNodeFile(tile);
        if (!node)
        {
            ++failed;
            data::log(data::LogLevel::Warning, LogCategory, "[ObliqueModel] cannot read tile " + tile);
            continue;
        }
        TilePreparer preparer(fs::path(tile).parent_path().string(), options.get());
        node->accept(preparer);
        missing += preparer.missing();
        model->addChild(node.get());
    }
    if (model->getNumChildren() == 0)
        return data::Error{data::ErrorCode::OpenFailed,
                           "cannot read any of " + std::to_string(tiles.size()) +
                               " .osgb tiles (is OpenSceneGraph's osgdb_osg plugin installed?)",
                           folder.string()};
    model->getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);

    data::log(data::LogLevel::Info, LogCategory,
              "[ObliqueModel] " + folder.string() + ": " + std::to_string(model->getNumChildren()) + " of " +
                  std::to_string(tiles.size()) + " tiles, SRS origin at " + std::to_string(placement->x) + ", " +
                  std::to_string(placement->y) + " in " + projectCrs + ", rotated " +
                  std::to_string(osg::RadiansToDegrees(placement->rotation)) + " degrees" +
                  (failed ? ", " + std::to_string(failed) + " unreadable" : std::string()) +
                  (missing ? ", " + std::to_string(missing) + " child files missing" : std::string()));
    return model;
}

osg::Vec3d projectBoundCentre(const osg::Node& model, const osg::Vec3d& sceneOrigin)
{
    osg::ComputeBoundsVisitor visitor;
    // The visitor only reads; accept() is non-const because visitors in general may modify.
    const_cast<osg::Node&>(model).accept(visitor);
    const osg::BoundingBox& box = visitor.getBoundingBox();
    return box.valid() ? osg::Vec3d(box.center()) + sceneOrigin : sceneOrigin;
}

} // namespace citytwin::scene
