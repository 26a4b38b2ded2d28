#include "app/gui/source_loader.hpp"

#include "data/project/schema.hpp"

#include "app/common/error_text.hpp"
#include "app/common/sample_project.hpp"
#include "app/common/scene_sources.hpp"
#include "app/gui/layer_list.hpp"
#include "app/gui/project_session.hpp"
#include "app/gui/table_columns_dialog.hpp"
#include "app/viewport/viewport_widget.hpp"

#include "data/io/raster_source.hpp"
#include "data/io/vector_source.hpp"
#include "scene/scene_model.hpp"
#include "scene/terrain.hpp"

#include <algorithm>

#include <QFileInfo>
#include <QFutureWatcher>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace citytwin::app
{
namespace
{
/// The incidents layer with appended rows added as points (their category, status and time in the fields of
/// those names, when the layer has them).
std::shared_ptr<data::VectorLayer> withIncidents(const data::VectorLayer& incidents,
                                                 const std::vector<data::AppendedIncident>& rows)
{
    auto layer = std::make_shared<data::VectorLayer>(incidents);
    const auto fieldIndex = [&layer](const char* name)
    {
        const auto found = std::find(layer->fieldNames.begin(), layer->fieldNames.end(), name);
        return found == layer->fieldNames.end() ? -1 : static_cast<int>(found - layer->fieldNames.begin());
    };
    const int categoryField = fieldIndex("category"), statusField = fieldIndex("status"),
              timeField = fieldIndex("reported_at");
    for (const data::AppendedIncident& row : rows)
    {
        data::Feature feature;
        feature.fid = row.fid;
        feature.points.push_back({row.x, row.y, 0.0});
        feature.values.resize(layer->fieldNames.size());
        if (categoryField >= 0)
            feature.values[categoryField] = row.category;
        if (statusField >= 0)
            feature.values[statusField] = row.status;
        if (timeField >= 0)
            feature.values[timeField] = row.reportedAt;
        layer->extent.include(row.x, row.y);
        layer->features.push_back(std::move(feature));
    }
    layer->kind = data::GeometryKind::Point;
    return layer;
}
} // namespace

SourceLoader::SourceLoader(LayerList& layers, ProjectSession& session, scene::SceneModel& model,
                           ViewportWidget& viewport, QStatusBar& statusBar, QObject* parent)
    : QObject(parent), mLayers(layers), mSession(session), mModel(model), mViewport(viewport), mStatusBar(statusBar)
{
    connect(&mSession, &ProjectSession::incidentsAppended, this, &SourceLoader::appendIncidents);
    // Large layers are read when first shown.
    connect(&mLayers, &LayerList::visibilityChanged, this,
            [this](int index, bool visible)
            {
                if (visible)
                    loadDeferred(index);
            });
    // 3D Tiles contents load in the background as the camera moves: what cannot be read is said when found.
    mTileWarnings.setInterval(1500);
    connect(&mTileWarnings, &QTimer::timeout, this, &SourceLoader::showTileWarnings);
}

void SourceLoader::showTileWarnings()
{
    if (mModel.modelCount() == 0)
    {
        mTileWarnings.stop(); // started again when a tileset is opened
        return;
    }
    const QStringList warnings = tileset3dWarnings(mModel);
    for (const QString& warning : warnings)
        if (!mShownTileWarnings.contains(warning))
        {
            mShownTileWarnings.insert(warning);
            mStatusBar.showMessage(tr("3D Tiles: %1").arg(warning), 15000);
            emit tileWarning(warning);
        }
}

void SourceLoader::open(const QString& path)
{
    if (isObliqueTileset(path))
    {
        // The top-level tiles load now; the finer levels page in as the camera comes close.
        if (auto added = addObliqueTileset(mModel, path); !added)
            emit failed(ErrorText::describe(added.error()));
        else
            mStatusBar.showMessage(tr("Loaded %1").arg(QFileInfo(path).fileName()), 5000);
        mViewport.sceneChanged(true);
        emit modelsChanged();
        return;
    }
    if (isCityGml(path))
    {
        openCityGml(path);
        return;
    }
    if (isTileset3d(path))
    {
        // The root tileset.json is read now; the tiles load in the background, nearest first.
        if (auto added = addTileset3d(mModel, path); !added)
            emit failed(ErrorText::describe(added.error()));
        else
        {
            mStatusBar.showMessage(tr("Loaded %1").arg(QFileInfo(path).fileName()), 5000);
            mTileWarnings.start();
        }
        mViewport.sceneChanged(true);
        emit modelsChanged();
        return;
    }
    // Whether the file has vector layers at all is found out by the reader in the background (opening a
    // GeoPackage through GDAL takes a while).
    loadTerrain(path);
    loadVectors(path);
}

void SourceLoader::openCityGml(const QString& path, const QString& crs)
{
    // A district's CityGML takes seconds to parse: read in the background, shown when read.
    ++mPending;
    const QString name = QFileInfo(path).fileName();
    mStatusBar.showMessage(tr("Loading %1…").arg(name));
    auto* watcher = new QFutureWatcher<data::Result<CityGmlRead>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, path, name]
            {
                const auto read = watcher->future().takeResult();
                watcher->deleteLater();
                if (!read)
                    emit failed(ErrorText::describe(read.error()));
                else
                {
                    const CityGmlAdded added = showCityGml(mModel, read.value());
                    mViewport.sceneChanged(true);
                    emit modelsChanged();
                    mStatusBar.showMessage(tr("Loaded %1: %n building(s)", nullptr, added.buildings).arg(name) +
                                               (added.warnings.empty()
                                                    ? QString()
                                                    : tr(" (%1)").arg(QString::fromStdString(added.warnings.front()))),
                                           15000);
                    if (added.crsUsed.empty())
                        emit cityGmlCrsMissing(path, QString::fromStdString(added.crsProblem));
                }
                if (--mPending == 0)
                    emit allFinished();
            });
    watcher->setFuture(QtConcurrent::run([path, crs] { return readCityGmlForScene(path, crs); }));
}

void SourceLoader::loadVectors(const QString& path)
{
    ++mPending;
    mStatusBar.showMessage(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    auto* watcher = new QFutureWatcher<LayersRead>(this);
    const quint64 ticket = mNextTicket++;
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, path, ticket]
            {
                readFinished(ticket, path, watcher->future().takeResult());
                watcher->deleteLater();
            });
    data::VectorReadOptions options;
    // Large layers that start hidden are read when first shown (the sample's 330,000 incidents).
    options.deferredLayers = {data::schema::incidents::Table, data::schema::party_links::Table,
                              data::schema::party_orgs::Table, data::schema::cameras::Table};
    watcher->setFuture(QtConcurrent::run(
        [file = path.toStdString(), options]
        {
            // Rasters alone (a DEM, an orthophoto) bring no layers: their terrain is loaded on its own.
            if (data::isRasterOnly(file))
                return LayersRead(std::vector<data::VectorLayer>{});
            return data::readVectorSource(file, options);
        }));
}

void SourceLoader::readFinished(quint64 ticket, const QString& path, LayersRead result)
{
    mFinished.emplace(ticket, std::make_pair(path, std::move(result)));
    for (auto next = mFinished.find(mNextTicketToAdd); next != mFinished.end(); next = mFinished.find(mNextTicketToAdd))
    {
        auto [readyPath, readyResult] = std::move(next->second);
        mFinished.erase(next);
        ++mNextTicketToAdd;
        // Placed in the order read: the layer list carries out its placements in the order queued.
        addLayers(readyPath, std::move(readyResult), [this] { finishOne(); });
    }
}

void SourceLoader::finishOne()
{
    if (--mPending == 0)
        emit allFinished();
}

void SourceLoader::addLayers(const QString& path, LayersRead result, std::function<void()> then)
{
    if (!result)
    {
        emit failed(ErrorText::describe(result.error()));
        if (then)
            then();
        return;
    }
    const bool clean = std::all_of(result->begin(), result->end(),
                                   [](const data::VectorLayer& layer) { return layer.warnings.empty(); });
    auto finish = [this, path, clean, then]
    {
        mViewport.sceneChanged(true);
        if (clean)
            mStatusBar.showMessage(tr("Loaded %1").arg(QFileInfo(path).fileName()), 5000);
        if (mModel.layerCount() > 0)
            emit layersAdded();
        if (then)
            then();
    };
    if (result->empty())
    {
        finish();
        return;
    }
    const std::size_t count = result->size();
    for (std::size_t i = 0; i < count; ++i)
    {
        data::VectorLayer& layer = result.value()[i];
        const QString name = QString::fromStdString(layer.name);
        for (const data::LayerWarning& warning : layer.warnings)
            mStatusBar.showMessage(ErrorText::describeWarning(name, warning), 15000);
        auto shared = std::make_shared<const data::VectorLayer>(std::move(layer));
        // What asks the user about the layer waits until it is in place (an answer reads it again, in place).
        mLayers.place({.kind = LayerList::Placement::Kind::Add,
                       .layer = shared,
                       .done = [this, path, shared, last = i + 1 == count, finish](int)
                       {
                           if (shared->crsGuessed)
                               emit crsGuessed(path, QString::fromStdString(shared->name),
                                               QString::fromStdString(shared->effectiveCrs));
                           askForColumnsIfNeeded(path, *shared);
                           if (last)
                               finish();
                       }});
    }
}

void SourceLoader::loadTerrain(const QString& path)
{
    // The first source with rasters gives the terrain; its DEM and imagery are opened in the background.
    if (mModel.terrain() || mTerrainLoading)
        return;
    mTerrainLoading = true;
    ++mPending;
    auto* watcher = new QFutureWatcher<data::Result<std::optional<TerrainData>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher]
            {
                auto result = watcher->future().takeResult();
                watcher->deleteLater();
                mTerrainLoading = false;
                if (!result)
                    emit failed(ErrorText::describe(result.error()));
                else if (result.value())
                {
                    showTerrain(std::move(*result.value()));
                    return;
                }
                finishOne();
            });
    watcher->setFuture(QtConcurrent::run([path] { return loadTerrainData(path); }));
}

void SourceLoader::showTerrain(TerrainData terrain)
{
    // In turn with the layers' placements: the terrain's node and every layer placed before it, draped on its
    // ground, are built on the thread pool.
    mLayers.runInTurn(
        [this, terrain = std::move(terrain)]() -> LayerList::Work
        {
            const data::Extent& extent = terrain.dem ? terrain.dem->extent() : terrain.imagery->extent();
            mModel.setOriginIfUnset(osg::Vec3d(extent.centerX(), extent.centerY(), 0.0));
            std::vector<std::pair<std::shared_ptr<const data::VectorLayer>, scene::NodeInputs>> layers;
            for (int i = 0; i < mModel.layerCount(); ++i)
            {
                scene::NodeInputs inputs = mModel.inputsToReplace(i, mModel.layer(i));
                inputs.ground = terrain.ground;
                layers.emplace_back(mModel.sharedLayer(i), std::move(inputs));
            }
            return [this, terrain, origin = mModel.origin(), layers]() -> LayerList::Apply
            {
                osg::ref_ptr<osg::Node> node = scene::buildTerrain(terrain.dem, terrain.imagery, origin);
                std::vector<scene::PreparedNode> draped;
                for (const auto& [layer, inputs] : layers)
                    draped.push_back(scene::SceneModel::prepareNode(layer, inputs));
                return [this, node, ground = terrain.ground, draped = std::move(draped)]() mutable
                {
                    mModel.setTerrain(node, ground, std::move(draped));
                    emit terrainShown();
                    mViewport.sceneChanged(mModel.layerCount() == 0);
                    finishOne();
                };
            };
        });
}

bool SourceLoader::place(int index, LayersRead result, std::function<void()> then, bool now)
{
    if (!result)
    {
        emit failed(ErrorText::describe(result.error()));
        return false;
    }
    auto layer = std::make_shared<const data::VectorLayer>(std::move(result->front()));
    if (now)
    {
        mLayers.replace(index, std::move(layer));
        mViewport.sceneChanged(false);
        if (then)
            then();
        return true;
    }
    mLayers.place({.kind = LayerList::Placement::Kind::Replace,
                   .layer = std::move(layer),
                   .index = index,
                   .done = [this, then](int)
                   {
                       mViewport.sceneChanged(false);
                       if (then)
                           then();
                   }});
    return true;
}

void SourceLoader::loadDeferred(int index)
{
    const data::VectorLayer& deferred = mLayers.layer(index);
    if (!deferred.deferredCount || mLoadingDeferred.contains(index))
        return;
    mLoadingDeferred.insert(index);
    const QString name = QString::fromStdString(deferred.name);
    mStatusBar.showMessage(tr("Loading %1…").arg(name));
    auto* watcher = new QFutureWatcher<LayersRead>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, index, name]
            {
                watcher->deleteLater();
                if (!place(index, watcher->future().takeResult(),
                           [this, index, name]
                           {
                               mLoadingDeferred.remove(index);
                               mStatusBar.showMessage(tr("Loaded %1").arg(name), 5000);
                           }))
                    mLoadingDeferred.remove(index);
            });
    watcher->setFuture(QtConcurrent::run([path = deferred.sourcePath, layer = deferred.name]
                                         { return data::readVectorSource(path, {.layerName = layer}); }));
}

bool SourceLoader::readDeferredNow(int index)
{
    const data::VectorLayer& deferred = mLayers.layer(index);
    return !deferred.deferredCount ||
           place(index, data::readVectorSource(deferred.sourcePath, {.layerName = deferred.name}), {}, true);
}

void SourceLoader::askForColumnsIfNeeded(const QString& path, const data::VectorLayer& layer)
{
    const bool noGeometry = std::any_of(layer.warnings.begin(), layer.warnings.end(),
                                        [&layer](const data::LayerWarning& warning)
                                        {
                                            return warning.kind == data::LayerWarning::Kind::NoGeometry &&
                                                   warning.value == std::to_string(layer.features.size());
                                        });
    if (!noGeometry || layer.features.empty() || layer.fieldNames.empty() || !TableColumnsDialog::appliesTo(path))
        return;
    QStringList fields;
    for (const std::string& field : layer.fieldNames)
        fields << QString::fromStdString(field);
    QStringList sample;
    for (const std::string& value : layer.features.front().values)
        sample << QString::fromStdString(value);
    emit coordinateColumnsMissing(path, QString::fromStdString(layer.name), fields, sample);
}

void SourceLoader::rereadWithColumns(const QString& path, const QString& layerName,
                                     const data::TableColumns& columns)
{
    mColumns[{path, layerName}] = columns;
    const int index = mLayers.find(path.toStdString(), layerName.toStdString());
    auto layers = data::readVectorSource(path.toStdString(), {.layerName = layerName.toStdString(), .columns = columns});
    if (!layers || layers->empty())
    {
        emit failed(layers ? tr("%1 has no layer %2").arg(QFileInfo(path).fileName(), layerName)
                           : ErrorText::describe(layers.error()));
        return;
    }
    const data::VectorLayer& layer = layers->front();
    for (const data::LayerWarning& warning : layer.warnings)
        mStatusBar.showMessage(ErrorText::describeWarning(layerName, warning), 15000);
    const bool guessed = layer.crsGuessed;
    const QString crs = QString::fromStdString(layer.effectiveCrs);
    if (index >= 0)
        place(index, std::move(layers));
    else
        addLayers(path, std::move(layers));
    if (guessed)
        emit crsGuessed(path, layerName, crs);
    mViewport.sceneChanged(true);
}

void SourceLoader::reread(const QString& path, const QString& layerName, const QString& crs)
{
    const int index = mLayers.find(path.toStdString(), layerName.toStdString());
    const auto columns = mColumns.find({path, layerName});
    auto layers = data::readVectorSource(
        path.toStdString(), {.layerName = layerName.toStdString(),
                             .sourceCrs = crs.toStdString(),
                             .columns = columns == mColumns.end() ? data::TableColumns{} : columns->second});
    if (index >= 0)
        place(index, std::move(layers));
    else if (!layers)
        emit failed(ErrorText::describe(layers.error()));
}

void SourceLoader::reloadProjectTable(const QString& table)
{
    if (table == QLatin1String("incidents"))
    {
        // New incidents arrive through the project watch, like those appended by other processes.
        mSession.poll();
        return;
    }
    const QString& projectPath = mSession.path();
    if (mLayers.find(projectPath.toStdString(), table.toStdString()) >= 0)
        reread(projectPath, table, QString());
    else
        addLayers(projectPath, data::readVectorSource(projectPath.toStdString(), {.layerName = table.toStdString()}));
}

void SourceLoader::appendIncidents(std::shared_ptr<const std::vector<data::AppendedIncident>> rows)
{
    const int index = mLayers.find(mSession.path().toStdString(), data::schema::incidents::Table);
    if (index < 0)
        return;
    // The rows go onto the layer as it is when this placement's turn comes (earlier appends may still be queued).
    mLayers.place({.kind = LayerList::Placement::Kind::Replace,
                   .index = index,
                   .change = [rows](std::shared_ptr<const data::VectorLayer> incidents)
                       -> std::shared_ptr<const data::VectorLayer>
                   {
                       if (!incidents->deferredCount)
                           return withIncidents(*incidents, *rows);
                       // Not read yet: the new rows come with the rest when it is first shown.
                       auto counted = std::make_shared<data::VectorLayer>(*incidents);
                       counted->deferredCount = *incidents->deferredCount + static_cast<std::int64_t>(rows->size());
                       return counted;
                   },
                   .done = [this, count = static_cast<int>(rows->size())](int)
                   {
                       mViewport.sceneChanged(false);
                       mStatusBar.showMessage(tr("%n new incident(s)", nullptr, count), 10000);
                       emit incidentsAppended(count);
                   }});
}

void SourceLoader::generateSample()
{
    struct Outcome
    {
        std::optional<QString> path;
        QString error;
    };
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher]
            {
                const Outcome outcome = watcher->result();
                watcher->deleteLater();
                emit sampleFinished(outcome.path.value_or(QString()));
                if (!outcome.path)
                    emit failed(outcome.error);
            });
    watcher->setFuture(QtConcurrent::run(
        []
        {
            Outcome outcome;
            outcome.path = SampleProject::ensure(&outcome.error);
            return outcome;
        }));
}

} // namespace citytwin::app
