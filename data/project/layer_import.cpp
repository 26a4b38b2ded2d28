#include "data/project/layer_import.hpp"

#include "data/geo/coordinate_pipeline.hpp"
#include "data/io/citygml_footprints.hpp"
#include "data/io/citygml_source.hpp"
#include "data/io/gdal_open.hpp"
#include "data/io/oblique_metadata.hpp"
#include "data/io/source_info.hpp"
#include "data/project/project_store.hpp"
#include "data/project/schema.hpp"
#include "data/io/text_encoding.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <unordered_set>
#include <vector>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace citytwin::data
{
namespace
{
/// Lets OGR geometries be transformed by our pipeline (PROJ plus GCJ-02 / BD-09).
class PipelineTransformation : public OGRCoordinateTransformation
{
public:
    PipelineTransformation(const CoordinatePipeline& pipeline, OGRSpatialReference* target)
        : mPipeline(pipeline), mTarget(target)
    {
    }
    OGRSpatialReference* GetSourceCS() override { return nullptr; }
    OGRSpatialReference* GetTargetCS() override { return mTarget; }
    int Transform(int count, double* x, double* y, double*, double*, int* success) override
    {
        std::vector<double> xs(x, x + count), ys(y, y + count);
        const bool ok = mPipeline.transform(xs, ys).ok();
        std::copy(xs.begin(), xs.end(), x);
        std::copy(ys.begin(), ys.end(), y);
        for (int i = 0; success && i < count; ++i)
            success[i] = std::isfinite(x[i]) && std::isfinite(y[i]);
        return ok;
    }
    OGRCoordinateTransformation* Clone() const override { return new PipelineTransformation(mPipeline, mTarget); }
    OGRCoordinateTransformation* GetInverse() const override { return nullptr; }

private:
    const CoordinatePipeline& mPipeline;
    OGRSpatialReference* mTarget;
};

std::string decoded(const char* text, bool gbk)
{
    std::string value = text ? text : "";
    if (gbk && !isValidUtf8(value))
        value = gbkToUtf8(value).value_or(value);
    return value;
}

/// True when any field name or any of the first few hundred text values is not UTF-8.
bool looksLikeGbk(OGRLayer& layer)
{
    const OGRFeatureDefn& definition = *layer.GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount(); ++i)
        if (!isValidUtf8(definition.GetFieldDefn(i)->GetNameRef()))
            return true;
    layer.ResetReading();
    int sampled = 0;
    for (auto& feature : layer)
    {
        if (++sampled > 500)
            break;
        for (int i = 0; i < feature->GetFieldCount(); ++i)
            if (feature->GetFieldDefnRef(i)->GetType() == OFTString && feature->IsFieldSetAndNotNull(i) &&
                !isValidUtf8(feature->GetFieldAsString(i)))
                return true;
    }
    layer.ResetReading();
    return false;
}

Result<std::string> sourceCrsOf(OGRLayer& layer, const LayerImportOptions& options, const std::string& path,
                                const std::string& projectCrs)
{
    if (!options.crs.empty())
        return options.crs;
    bool guessed = false;
    if (std::string crs = layerCrs(layer, &guessed); !crs.empty() && !guessed)
        return crs;
    else if (guessed)
        // Imports never guess: DataV's GCJ-02 is named for the user to declare.
        return Error{ErrorCode::CrsMissing,
                     std::string("layer '") + layer.GetName() + "' declares no CRS; its features carry DataV's adcode, " +
                         "whose coordinates are GCJ-02: declare --crs " + crs + " (or --crs EPSG:4326 if they are WGS 84)",
                     path};
    OGREnvelope envelope;
    Extent raw;
    if (layer.GetExtent(&envelope, TRUE) == OGRERR_NONE)
    {
        raw.include(envelope.MinX, envelope.MinY);
        raw.include(envelope.MaxX, envelope.MaxY);
    }
    return undeclaredCrsError(std::string("layer '") + layer.GetName() + "'", raw, projectCrs, path);
}

OGRwkbGeometryType targetGeometryType(OGRwkbGeometryType source)
{
    // Single and multi parts go into one multi type, so that a repaired polygon that became a
    // multipolygon still fits.
    switch (wkbFlatten(source))
    {
    case wkbPolygon:
    case wkbMultiPolygon:
        return wkbMultiPolygon;
    case wkbLineString:
    case wkbMultiLineString:
        return wkbMultiLineString;
    case wkbPoint:
        return wkbPoint;
    case wkbMultiPoint:
        return wkbMultiPoint;
    default:
        return wkbUnknown;
    }
}

std::unique_ptr<OGRGeometry> toTargetType(std::unique_ptr<OGRGeometry> geometry, OGRwkbGeometryType type)
{
    if (!geometry || type == wkbUnknown || wkbFlatten(geometry->getGeometryType()) == type)
        return geometry;
    OGRGeometry* converted = OGRGeometryFactory::forceTo(geometry.release(), type);
    return std::unique_ptr<OGRGeometry>(converted);
}
} // namespace

namespace
{
/// The source's `id` field (any case) and whether its values are unique whole numbers (one pass over the layer).
struct SourceId
{
    int field = -1;
    bool usable = false;
};

SourceId sourceIdOf(OGRLayer& layer)
{
    SourceId id;
    const OGRFeatureDefn& definition = *layer.GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount() && id.field < 0; ++i)
        if (EQUAL(definition.GetFieldDefn(i)->GetNameRef(), schema::StableId))
            id.field = i;
    if (id.field < 0)
        return id;
    std::unordered_set<GIntBig> seen;
    id.usable = true;
    layer.ResetReading();
    for (auto& feature : layer)
    {
        const char* text = feature->IsFieldSetAndNotNull(id.field) ? feature->GetFieldAsString(id.field) : "";
        char* end = nullptr;
        const long long value = std::strtoll(text, &end, 10);
        if (*text == '\0' || *end != '\0' || !seen.insert(value).second)
        {
            id.usable = false;
            break;
        }
    }
    layer.ResetReading();
    return id;
}

/// A field name not taken yet in the definition: base, else base_2, base_3, ...
std::string freeFieldName(const OGRFeatureDefn& definition, const std::string& base)
{
    std::string name = base;
    for (int n = 2; definition.GetFieldIndex(name.c_str()) >= 0; ++n)
        name = base + "_" + std::to_string(n);
    return name;
}
} // namespace

namespace
{
/// A CityGML file's buildings as a footprint layer (read with libcitygml; GDAL's GML driver does not assemble
/// them), with the CRS its srsName resolves to (or options.crs).
Result<OpenedLayer> openCityGmlFootprints(const std::string& sourcePath, const LayerImportOptions& options)
{
    auto model = readCityGml(sourcePath, options.crs);
    if (!model)
        return model.error();
    if (model->crs.empty())
        return Error{ErrorCode::CrsMissing, model->crsProblem, sourcePath};
    auto dataset = cityGmlFootprints(model.value());
    if (!dataset)
        return dataset.error();
    OGRLayer* layer = dataset.value()->GetLayer(0);
    return OpenedLayer{std::move(dataset.value()), layer};
}

/// Opens the source layer: a CityGML file's footprints, or any GDAL vector layer.
Result<OpenedLayer> openImportSource(const std::string& sourcePath, LayerImportOptions& options)
{
    const bool oblique = !isConnectionString(sourcePath) && obliqueMetadataPath(sourcePath).has_value();
    if (oblique || (!isConnectionString(sourcePath) && looksLikeTileset3d(sourcePath)))
        return Error{ErrorCode::FormatNotSupported,
                     std::string(oblique ? "an oblique-photogrammetry tileset" : "a 3D Tiles tileset") +
                         " is a 3D model, which import does not copy into a project: open it in the window or "
                         "show it with citytwin render",
                     sourcePath};
    if (cityGmlVersion(sourcePath).empty())
    {
        auto opened = openSourceLayer(sourcePath, options.layerName, options.columns);
        // An empty layer would give an empty table: said instead (before any CRS question, which it cannot answer).
        if (opened)
        {
            opened->layer->ResetReading();
            if (std::unique_ptr<OGRFeature> first(opened->layer->GetNextFeature()); !first)
                return Error{ErrorCode::NoFeatures,
                             std::string("layer '") + opened->layer->GetName() + "' is empty: nothing to import",
                             sourcePath};
        }
        return opened;
    }
    auto opened = openCityGmlFootprints(sourcePath, options);
    options.crs.clear(); // the footprint layer carries the CRS resolved (horizontal part of a compound)
    return opened;
}
/// Creates the output's fields from the source's (names decoded; the source id as the integer id when usable,
/// else renamed, and an id of our own added); returns the output field of the id, or -1 (failedField named).
int createFields(OGRLayer& output, const OGRFeatureDefn& definition, const SourceId& sourceId, bool gbk,
                 LayerImportReport& report, std::string& failedField)
{
    const int idField = sourceId.usable ? sourceId.field : -1;
    for (int i = 0; i < definition.GetFieldCount(); ++i)
    {
        OGRFieldDefn field(definition.GetFieldDefn(i));
        field.SetName(decoded(field.GetNameRef(), gbk).c_str());
        if (i == idField)
            field.SetType(OFTInteger64);
        else if (i == sourceId.field)
        {
            report.sourceIdRenamedTo = freeFieldName(definition, "source_id");
            field.SetName(report.sourceIdRenamedTo.c_str());
        }
        if (output.CreateField(&field) != OGRERR_NONE)
        {
            failedField = field.GetNameRef();
            return -1;
        }
    }
    if (idField >= 0)
        return idField;
    OGRFieldDefn id(schema::StableId, OFTInteger64);
    if (output.CreateField(&id) != OGRERR_NONE)
    {
        failedField = schema::StableId;
        return -1;
    }
    return output.GetLayerDefn()->GetFieldCount() - 1;
}

/// The error of an import none of whose features could be placed in the project CRS.
Error nothingPlacedError(const LayerImportReport& report, const std::string& projectCrs, const std::string& sourcePath)
{
    return Error{ErrorCode::TransformFailed,
                 "none of the " + std::to_string(report.featuresRead) +
                     " features could be placed: every geometry is invalid beyond repair or cannot be transformed "
                     "from " + report.crsUsed + " to " + projectCrs +
                     " (coordinates outside that CRS's range, or the wrong CRS?)",
                 sourcePath};
}
} // namespace

Result<LayerImportReport> importLayer(ProjectStore& project, const std::string& sourcePath,
                                      const LayerImportOptions& givenOptions)
{
    LayerImportOptions options = givenOptions;
    auto opened = openImportSource(sourcePath, options);
    if (!opened)
        return opened.error();
    OGRLayer* layer = opened->layer;

    LayerImportReport report;
    for (LayerWarning& note : layerNotes(*layer))
        if (note.kind != LayerWarning::Kind::DataVAsGcj02 || options.crs.empty())
            report.notes.push_back(std::move(note));
    report.table = options.targetName.empty() ? layer->GetName() : options.targetName;
    if (report.table == schema::incidents::Table || report.table.rfind("gpkg_", 0) == 0 ||
        report.table.rfind("rtree_", 0) == 0 || report.table.rfind(schema::OwnTablePrefix, 0) == 0)
        return Error{ErrorCode::InvalidArgument, "the table name '" + report.table + "' is reserved", project.path()};
    auto pipeline = pipelineFromSource(sourceCrsOf(*layer, options, sourcePath, project.projectCrs()),
                                       project.projectCrs(), sourcePath, report.crsUsed);
    if (!pipeline)
        return pipeline.error();
    const bool gbk = isShapefileWithoutCodePage(sourcePath) && looksLikeGbk(*layer);
    report.encoding = gbk ? "GBK" : "UTF-8";

    GdalDatasetPtr target(GDALDataset::Open(project.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!target)
        return Error{ErrorCode::StoreFailed,
                     std::string("cannot open the project for writing: ") + CPLGetLastErrorMsg(), project.path()};
    const bool exists = target->GetLayerByName(report.table.c_str()) != nullptr;
    if (exists && !options.replace)
        return Error{ErrorCode::InvalidArgument,
                     "the project already has a table '" + report.table + "' (use --replace, or --name)",
                     project.path()};

    // Everything below is one SQLite transaction: table creation included.
    if (target->StartTransaction(TRUE) != OGRERR_NONE)
        return Error{ErrorCode::StoreFailed, "cannot start a transaction", project.path()};
    const auto fail = [&](const std::string& what) -> Result<LayerImportReport>
    {
        target->RollbackTransaction();
        return Error{ErrorCode::StoreFailed, what + ": " + CPLGetLastErrorMsg(), project.path()};
    };
    if (exists)
    {
        for (int i = 0; i < target->GetLayerCount(); ++i)
            if (report.table == target->GetLayer(i)->GetName() && target->DeleteLayer(i) != OGRERR_NONE)
                return fail("cannot replace table '" + report.table + "'");
    }
    OGRSpatialReference projectSrs;
    projectSrs.SetFromUserInput(project.projectCrs().c_str());
    projectSrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OGRwkbGeometryType geometryType = targetGeometryType(layer->GetGeomType());
    OGRLayer* output =
        target->CreateLayer(report.table.c_str(), &projectSrs, geometryType, featureTableOptions().List());
    if (!output)
        return fail("cannot create table '" + report.table + "'");

    const OGRFeatureDefn& definition = *layer->GetLayerDefn();
    // The source's id is the table's when it is unique whole numbers (as an integer column whatever its type);
    // otherwise it is kept under another name and the table numbers its features.
    const SourceId sourceId = sourceIdOf(*layer);
    const int idField = sourceId.usable ? sourceId.field : -1;
    std::string failedField;
    const int outputIdField = createFields(*output, definition, sourceId, gbk, report, failedField);
    if (outputIdField < 0)
        return fail("cannot create field '" + failedField + "'");

    PipelineTransformation transformation(pipeline.value(), &projectSrs);
    layer->ResetReading();
    for (auto& feature : *layer)
    {
        ++report.featuresRead;
        if ((report.featuresRead & 1023) == 0 && options.cancel && options.cancel->load())
            return fail("cancelled");
        OGRFeature copy(output->GetLayerDefn());
        for (int i = 0; i < definition.GetFieldCount(); ++i)
        {
            if (!feature->IsFieldSetAndNotNull(i))
                continue;
            if (i == idField)
                copy.SetField(i, static_cast<GIntBig>(std::strtoll(feature->GetFieldAsString(i), nullptr, 10)));
            else if (definition.GetFieldDefn(i)->GetType() == OFTString)
                copy.SetField(i, decoded(feature->GetFieldAsString(i), gbk).c_str());
            else
                copy.SetField(i, feature->GetRawFieldRef(i));
        }
        if (idField < 0)
            copy.SetField(outputIdField, static_cast<GIntBig>(report.featuresRead));
        if (const OGRGeometry* geometry = feature->GetGeometryRef())
        {
            std::unique_ptr<OGRGeometry> moved(geometry->clone());
            if (moved->transform(&transformation) != OGRERR_NONE)
            {
                ++report.geometriesSkipped;
                continue;
            }
            if (!moved->IsValid())
            {
                std::unique_ptr<OGRGeometry> repaired(moved->MakeValid());
                if (!repaired || !repaired->IsValid())
                {
                    ++report.geometriesSkipped;
                    continue;
                }
                ++report.geometriesRepaired;
                moved = std::move(repaired);
            }
            moved = toTargetType(std::move(moved), geometryType);
            if (moved)
                copy.SetGeometryDirectly(moved.release());
        }
        if (!copy.GetGeometryRef())
            ++report.featuresWithoutGeometry;
        if (output->CreateFeature(&copy) != OGRERR_NONE)
            return fail("cannot write feature " + std::to_string(report.featuresRead));
        ++report.featuresWritten;
        if (options.progress && report.featuresWritten % 10000 == 0)
            options.progress(report.featuresWritten);
    }
    if (report.featuresWritten == 0 && report.geometriesSkipped > 0)
    {
        target->RollbackTransaction();
        return nothingPlacedError(report, project.projectCrs(), sourcePath);
    }
    if (options.strict && (report.featuresWithoutGeometry > 0 || report.geometriesSkipped > 0))
    {
        target->RollbackTransaction();
        report.refused = true;
        report.featuresWritten = 0;
        return report;
    }
    if (target->CommitTransaction() != OGRERR_NONE)
        return fail("cannot commit");
    return report;
}

} // namespace citytwin::data
