#pragma once

#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"
#include "data/incidents/incident_watcher.hpp"
#include "data/io/gdal_open.hpp"

#include <functional>
#include <map>
#include <utility>
#include <vector>

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

class QStatusBar;

namespace citytwin::scene
{
class SceneModel;
}

namespace citytwin::app
{
struct TerrainData;
class LayerList;
class ProjectSession;
class ViewportWidget;

/// Loading sources into the layer list: vector sources read in the background (QtConcurrent's pool), their layers
/// added in the order the sources were asked for whatever order the reads finish in; the terrain of the first
/// source with rasters; oblique tilesets; large layers read when first shown (deferred); layers read again
/// (another CRS, a table imported into the project); incidents appended to the project (by the import dialog or
/// other processes, reported by the project session's watch); the built-in sample.
/// The object lives on the GUI thread: only the reads run on the pool, their results come back here.
class SourceLoader : public QObject
{
    Q_OBJECT
public:
    SourceLoader(LayerList& layers, ProjectSession& session, scene::SceneModel& model, ViewportWidget& viewport,
                 QStatusBar& statusBar, QObject* parent = nullptr);

    /// Opens a source: an oblique tileset at once; its terrain and vector layers in the background.
    void open(const QString& path);
    /// Shows a CityGML file's buildings (again, replacing them), with crs for its coordinates when set; a file
    /// without a usable CRS is shown at its own coordinates and cityGmlCrsMissing asks for one.
    void openCityGml(const QString& path, const QString& crs = {});
    /// Returns the number of reads still running (sources and terrain).
    int pending() const { return mPending; }

    /// Reads a deferred layer in the background and puts it in place (nothing when it is read or being read).
    void loadDeferred(int index);
    /// Reads a deferred layer now (the heat map needs its points); false (reported) when it cannot be read.
    bool readDeferredNow(int index);
    /// Reads a layer of a source again, with another CRS when crs is set, and puts it in place.
    void reread(const QString& path, const QString& layerName, const QString& crs);
    /// Reads a point table's layer again with its coordinates from these columns (kept for later re-reads),
    /// puts it in place, and asks for its CRS to be confirmed like any first read.
    void rereadWithColumns(const QString& path, const QString& layerName, const data::TableColumns& columns);
    /// Reads a table imported into the open project: in place of its layer, or as a new layer; new incidents
    /// come through the project's watch.
    void reloadProjectTable(const QString& table);
    /// Generates the built-in sample district in the background (once, about 15 s); sampleFinished follows.
    void generateSample();

signals:
    /// A read failed; the message is for the user.
    void failed(const QString& message);
    /// A layer was read with a guessed CRS: the window asks the user to confirm it.
    void crsGuessed(const QString& path, const QString& layerName, const QString& guess);
    /// A point table was read without geometry, no coordinate columns being recognised: the window asks for
    /// them. sampleRow: the first row's values, in field order.
    void coordinateColumnsMissing(const QString& path, const QString& layerName, const QStringList& fields,
                                  const QStringList& sampleRow);
    /// A 3D model (oblique, CityGML, 3D Tiles) was added to the scene.
    void modelsChanged();
    /// A CityGML file has no usable CRS (problem says why, technical English): the window asks for one.
    void cityGmlCrsMissing(const QString& path, const QString& problem);
    /// A 3D Tiles content or external tileset could not be read (technical English, naming the file).
    void tileWarning(const QString& warning);
    /// A source's layers were added, and the scene has layers.
    void layersAdded();
    /// The terrain is shown (the window offers to hide it).
    void terrainShown();
    /// Incidents appended to the project were added to the view.
    void incidentsAppended(int newRows);
    /// The sample district is generated (generateSample): its path, or empty when it failed (failed follows).
    void sampleFinished(const QString& path);
    /// A read has finished (or failed) and nothing else is pending.
    void allFinished();

private:
    using LayersRead = data::Result<std::vector<data::VectorLayer>>;
    void loadVectors(const QString& path);
    void loadTerrain(const QString& path);
    void readFinished(quint64 ticket, const QString& path, LayersRead result);
    /// Adds incidents appended to the project to its incidents layer (counted only while it is deferred).
    void appendIncidents(std::shared_ptr<const std::vector<data::AppendedIncident>> rows);
    /// Adds a source's layers, their nodes built on the thread pool; then (when set) runs once they are in the scene.
    void addLayers(const QString& path, LayersRead result, std::function<void()> then = {});
    /// Shows a terrain read in the background, building its node and draping the layers off the GUI thread.
    void showTerrain(TerrainData terrain);
    /// One pending read (or its placing) is done: allFinished when it was the last.
    void finishOne();
    /// Shows the 3D Tiles warnings not shown yet (contents that could not be read, cycles).
    void showTileWarnings();
    /// Emits coordinateColumnsMissing for a point table none of whose rows got a geometry.
    void askForColumnsIfNeeded(const QString& path, const data::VectorLayer& layer);
    /// Puts a layer read again in place of layer index, its node built on the thread pool (then runs when it is in
    /// place), or at once when now is set; reports a failed read.
    bool place(int index, LayersRead result, std::function<void()> then = {}, bool now = false);

    LayerList& mLayers;
    ProjectSession& mSession;
    scene::SceneModel& mModel;
    ViewportWidget& mViewport;
    QStatusBar& mStatusBar;
    /// Finished reads wait here until every source requested before them is added: layers keep the order
    /// in which they were asked for, whatever order the background reads finish in.
    std::map<quint64, std::pair<QString, LayersRead>> mFinished;
    quint64 mNextTicket = 0;
    quint64 mNextTicketToAdd = 0;
    int mPending = 0;
    bool mTerrainLoading = false;
    QSet<int> mLoadingDeferred;
    /// Coordinate columns the user chose, by source path and layer name.
    std::map<std::pair<QString, QString>, data::TableColumns> mColumns;
    QTimer mTileWarnings;
    QSet<QString> mShownTileWarnings;
};

} // namespace citytwin::app
