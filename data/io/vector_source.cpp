#include "data/io/vector_source.hpp"

#include "data/geo/coordinate_pipeline.hpp"
#include "data/io/gdal_open.hpp"
#include "data/core/log.hpp"
#include "data/io/text_encoding.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <memory>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace citytwin::data
{
namespace
{
constexpr double MetresPerFloor = 3.0;

/// Decodes every non-UTF-8 text of the layer as GBK when any is not valid UTF-8; records it on the layer.
void fixEncoding(VectorLayer& layer)
{
    bool allValid = std::all_of(layer.fieldNames.begin(), layer.fieldNames.end(),
                                [](const std::string& name) { return isValidUtf8(name); });
    for (const Feature& feature : layer.features)
    {
        if (!allValid)
            break;
        allValid = std::all_of(feature.values.begin(), feature.values.end(),
                               [](const std::string& value) { return isValidUtf8(value); });
    }
    if (allValid)
        return;
    std::size_t undecodable = 0;
    const auto decode = [&undecodable](std::string& text)
    {
        if (isValidUtf8(text) && std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; }))
            return;
        if (auto decoded = gbkToUtf8(text))
            text = std::move(*decoded);
        else
            ++undecodable;
    };
    for (std::string& name : layer.fieldNames)
        decode(name);
    for (Feature& feature : layer.features)
        std::for_each(feature.values.begin(), feature.values.end(), decode);
    layer.encoding = "GBK";
    layer.warnings.push_back({LayerWarning::Kind::DecodedAsGbk, std::to_string(undecodable),
                              "text is not UTF-8 and no code page is declared; decoded as GBK (CP936), " +
                                  std::to_string(undecodable) + " values could not be decoded"});
}

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

void appendGeometry(const OGRGeometry& geometry, Feature& feature);

/// Appends the footprint of a solid (CityGML / 3D surfaces): its horizontal faces at the lowest level; all
/// faces when none is horizontal. The height comes from attributes, as for other footprints.
void appendFootprint(const OGRPolyhedralSurface& surface, Feature& feature)
{
    struct Face
    {
        const OGRPolygon* polygon;
        double minZ;
        double maxZ;
    };
    std::vector<Face> faces;
    double lowest = std::numeric_limits<double>::max();
    for (const OGRPolygon* polygon : surface)
    {
        const OGRLinearRing* ring = polygon->getExteriorRing();
        if (!ring || ring->getNumPoints() < 3)
            continue;
        double minZ = std::numeric_limits<double>::max(), maxZ = std::numeric_limits<double>::lowest();
        for (int i = 0; i < ring->getNumPoints(); ++i)
        {
            minZ = std::min(minZ, ring->getZ(i));
            maxZ = std::max(maxZ, ring->getZ(i));
        }
        faces.push_back({polygon, minZ, maxZ});
        lowest = std::min(lowest, minZ);
    }
    constexpr double FlatTolerance = 0.05; // metres
    bool found = false;
    for (const Face& face : faces)
    {
        if (face.maxZ - face.minZ <= FlatTolerance && face.minZ - lowest <= 0.5)
        {
            appendGeometry(*face.polygon, feature);
            found = true;
        }
    }
    if (!found)
        for (const Face& face : faces)
            appendGeometry(*face.polygon, feature);
}

/// Appends the parts of one (possibly nested or curved) geometry to the feature.
void appendGeometry(const OGRGeometry& geometry, Feature& feature)
{
    if (geometry.hasCurveGeometry())
    {
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        if (linear)
            appendGeometry(*linear, feature);
        return;
    }
    const auto ringOf = [](const OGRSimpleCurve& curve)
    {
        Ring ring;
        ring.reserve(curve.getNumPoints());
        for (int i = 0; i < curve.getNumPoints(); ++i)
            ring.push_back({curve.getX(i), curve.getY(i), curve.getZ(i)});
        return ring;
    };
    switch (wkbFlatten(geometry.getGeometryType()))
    {
    case wkbPoint:
    {
        const auto& point = *geometry.toPoint();
        if (!point.IsEmpty())
            feature.points.push_back({point.getX(), point.getY(), point.getZ()});
        break;
    }
    case wkbLineString:
        feature.lines.push_back(ringOf(*geometry.toLineString()));
        break;
    case wkbPolygon:
    {
        Polygon polygon;
        for (const OGRLinearRing* ring : *geometry.toPolygon())
        {
            Ring positions = ringOf(*ring);
            if (positions.size() > 1 && positions.front().x == positions.back().x &&
                positions.front().y == positions.back().y)
                positions.pop_back();
            if (positions.size() >= 3)
                polygon.rings.push_back(std::move(positions));
        }
        if (!polygon.rings.empty())
            feature.polygons.push_back(std::move(polygon));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *geometry.toGeometryCollection())
            appendGeometry(*part, feature);
        break;
    case wkbPolyhedralSurface:
    case wkbTIN:
        appendFootprint(*geometry.toPolyhedralSurface(), feature);
        break;
    default:
        break;
    }
}

template <class Visit> void forEachPosition(Feature& feature, Visit&& visit)
{
    for (Position& position : feature.points)
        visit(position);
    for (Ring& line : feature.lines)
        for (Position& position : line)
            visit(position);
    for (Polygon& polygon : feature.polygons)
        for (Ring& ring : polygon.rings)
            for (Position& position : ring)
                visit(position);
}

template <class Visit> void forEachPosition(std::vector<Feature>& features, Visit&& visit)
{
    for (Feature& feature : features)
        forEachPosition(feature, visit);
}

/// Every coordinate of the features, in forEachPosition's order.
template <class Features> void collectPositions(Features& features, std::vector<double>& xs, std::vector<double>& ys)
{
    xs.clear();
    ys.clear();
    forEachPosition(features,
                    [&](const Position& p)
                    {
                        xs.push_back(p.x);
                        ys.push_back(p.y);
                    });
}

/// Clears the geometry of every feature whose coordinates the pipeline cannot transform; returns how many.
template <class Pipeline> std::size_t dropUntransformable(std::vector<Feature>& features, const Pipeline& pipeline)
{
    std::size_t dropped = 0;
    std::vector<double> xs, ys;
    for (Feature& feature : features)
    {
        collectPositions(feature, xs, ys);
        if (!xs.empty() && !pipeline.transform(xs, ys))
        {
            feature.points.clear();
            feature.lines.clear();
            feature.polygons.clear();
            ++dropped;
        }
    }
    return dropped;
}

GeometryKind dominantKind(const std::vector<Feature>& features)
{
    std::size_t points = 0, lines = 0, polygons = 0;
    for (const Feature& feature : features)
    {
        points += feature.points.empty() ? 0 : 1;
        lines += feature.lines.empty() ? 0 : 1;
        polygons += feature.polygons.empty() ? 0 : 1;
    }
    if (points == 0 && lines == 0 && polygons == 0)
        return GeometryKind::None;
    if (polygons >= lines && polygons >= points)
        return GeometryKind::Polygon;
    return lines >= points ? GeometryKind::Line : GeometryKind::Point;
}

Extent rawExtent(std::vector<Feature>& features)
{
    Extent raw;
    forEachPosition(features, [&](const Position& p) { raw.include(p.x, p.y); });
    return raw;
}

/// Decides which CRS the layer's coordinates are in: the declared one, the source's, or a guess (never
/// silently: a guess is a warning on the layer, or an error when guesses are not allowed).
Result<std::string> effectiveCrs(VectorLayer& layer, const std::string& path, const VectorReadOptions& options)
{
    if (!options.sourceCrs.empty())
        return options.sourceCrs;
    if (!layer.sourceCrs.empty())
        return layer.sourceCrs;
    const auto guess = guessCrs(rawExtent(layer.features), options.projectCrs);
    if (!guess)
        return Error{ErrorCode::CrsMissing,
                     "layer '" + layer.name + "' declares no CRS and its coordinates fit no known one; declare it",
                     path};
    if (!options.allowCrsGuess)
        return undeclaredCrsError("layer '" + layer.name + "'", rawExtent(layer.features), options.projectCrs, path);
    layer.crsGuessed = true;
    layer.warnings.push_back({LayerWarning::Kind::CrsGuessed, guess->crs,
                              "layer declares no CRS; " + guess->reason + ", assumed " + guess->crs});
    return guess->crs;
}

struct HeightFields
{
    int height = -1;
    int floors = -1;
};

HeightFields findHeightFields(const OGRFeatureDefn& definition)
{
    HeightFields fields;
    for (int i = 0; i < definition.GetFieldCount(); ++i)
    {
        const std::string name = lowerCase(definition.GetFieldDefn(i)->GetNameRef());
        if ((name == "height" || name == "height_m" || name == "measuredheight") && fields.height < 0)
            fields.height = i;
        else if (name == "floors" && fields.floors < 0)
            fields.floors = i;
    }
    return fields;
}

std::optional<double> featureHeight(const OGRFeature& feature, const HeightFields& fields)
{
    if (fields.height >= 0 && feature.IsFieldSetAndNotNull(fields.height))
        return feature.GetFieldAsDouble(fields.height);
    if (fields.floors >= 0 && feature.IsFieldSetAndNotNull(fields.floors))
        return feature.GetFieldAsDouble(fields.floors) * MetresPerFloor;
    return std::nullopt;
}

/// Says how many features have no geometry (all of them: why the layer shows nothing).
void noteMissingGeometry(VectorLayer& layer, OGRLayer& ogrLayer)
{
    const auto without = static_cast<std::size_t>(std::count_if(
        layer.features.begin(), layer.features.end(),
        [](const Feature& f) { return f.points.empty() && f.lines.empty() && f.polygons.empty(); }));
    if (without == 0)
        return;
    const std::string of = std::to_string(layer.features.size());
    std::string detail = std::to_string(without) + " of " + of + " features have no geometry GDAL could read";
    if (wkbFlatten(ogrLayer.GetGeomType()) == wkbNone)
    {
        std::string columns;
        for (const std::string& name : layer.fieldNames)
            columns += (columns.empty() ? "" : ", ") + name;
        detail = of + " features, none with geometry: the source has no geometry" +
                 (columns.empty() ? std::string() : " and no coordinate columns found among " + columns);
    }
    layer.warnings.push_back({LayerWarning::Kind::NoGeometry, std::to_string(without), detail});
}

Result<VectorLayer> readLayer(OGRLayer& ogrLayer, const std::string& path, const VectorReadOptions& options)
{
    VectorLayer layer;
    layer.name = ogrLayer.GetName();
    layer.sourcePath = path;
    OGRFeatureDefn& definition = *ogrLayer.GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount(); ++i)
        layer.fieldNames.emplace_back(definition.GetFieldDefn(i)->GetNameRef());
    const HeightFields heightFields = findHeightFields(definition);

    ogrLayer.ResetReading();
    // A damaged file (a truncated .shp, a broken record) makes GDAL report a failure for the feature it
    // was reading; such features are counted and said, not silently dropped.
    std::size_t unreadable = 0;
    CPLErrorReset();
    for (auto& ogrFeature : ogrLayer)
    {
        if (CPLGetLastErrorType() == CE_Failure)
        {
            ++unreadable;
            CPLErrorReset();
        }
        Feature feature;
        feature.fid = ogrFeature->GetFID();
        feature.values.reserve(layer.fieldNames.size());
        for (int i = 0; i < definition.GetFieldCount(); ++i)
            feature.values.emplace_back(ogrFeature->IsFieldSetAndNotNull(i) ? ogrFeature->GetFieldAsString(i) : "");
        feature.height = featureHeight(*ogrFeature, heightFields);
        if (const OGRGeometry* geometry = ogrFeature->GetGeometryRef())
            appendGeometry(*geometry, feature);
        layer.features.push_back(std::move(feature));
    }
    if (CPLGetLastErrorType() == CE_Failure)
        ++unreadable;
    if (unreadable > 0)
        layer.warnings.push_back({LayerWarning::Kind::GeometrySkipped, std::to_string(unreadable),
                                  std::to_string(unreadable) + " features could not be read (damaged file?)"});
    layer.kind = dominantKind(layer.features);
    if (layer.features.empty())
        layer.warnings.push_back({LayerWarning::Kind::Empty, {}, "layer is empty"});
    noteMissingGeometry(layer, ogrLayer);

    fixEncoding(layer);

    bool crsGuessedBySource = false;
    layer.sourceCrs = layerCrs(ogrLayer, &crsGuessedBySource);
    for (LayerWarning& note : layerNotes(ogrLayer))
        if (note.kind != LayerWarning::Kind::DataVAsGcj02 || options.sourceCrs.empty())
            layer.warnings.push_back(std::move(note));
    if (crsGuessedBySource && options.sourceCrs.empty())
        layer.crsGuessed = true;
    if (layer.kind == GeometryKind::None)
        return layer; // a table without geometry: no coordinates, no CRS needed
    if (layer.crsGuessed && !options.allowCrsGuess)
        return undeclaredCrsError("layer '" + layer.name + "'", rawExtent(layer.features), options.projectCrs, path);
    auto sourceCrs = effectiveCrs(layer, path, options);
    if (!sourceCrs)
        return sourceCrs.error();
    layer.effectiveCrs = sourceCrs.value();

    auto transformer = CoordinatePipeline::create(layer.effectiveCrs, options.projectCrs);
    if (!transformer)
        return Error{transformer.error().code, "layer '" + layer.name + "': " + transformer.error().detail, path};

    std::vector<double> xs, ys;
    collectPositions(layer.features, xs, ys);
    if (auto transformed = transformer->transform(xs, ys); !transformed)
    {
        // Some coordinates cannot be placed (NaN, 1e300, latitudes of 400°): those features lose their geometry,
        // counted in a warning; the layer fails only when none can be placed.
        const std::size_t dropped = dropUntransformable(layer.features, transformer.value());
        if (std::all_of(layer.features.begin(), layer.features.end(), [](const Feature& f)
                        { return f.points.empty() && f.lines.empty() && f.polygons.empty(); }))
            return Error{ErrorCode::TransformFailed, "layer '" + layer.name + "': " + transformed.error().detail,
                         path};
        layer.warnings.push_back({LayerWarning::Kind::GeometrySkipped, std::to_string(dropped),
                                  std::to_string(dropped) + " features have coordinates that cannot be placed in " +
                                      options.projectCrs + " (" + transformed.error().detail + "): not shown"});
        collectPositions(layer.features, xs, ys);
        if (auto again = transformer->transform(xs, ys); !again)
            return Error{ErrorCode::TransformFailed, "layer '" + layer.name + "': " + again.error().detail, path};
    }
    std::size_t next = 0;
    forEachPosition(layer.features,
                    [&](Position& p)
                    {
                        p.x = xs[next];
                        p.y = ys[next];
                        ++next;
                        layer.extent.include(p.x, p.y);
                    });
    return layer;
}
} // namespace


Result<std::vector<VectorLayer>> readVectorSource(const std::string& path, const VectorReadOptions& options)
{
    if (!isConnectionString(path) && !std::filesystem::exists(path))
        return Error{ErrorCode::FileNotFound, "no such file", path};

    CPLErrorReset();
    GdalDatasetPtr dataset = openReadOnly(path, GDAL_OF_VECTOR, options.columns);
    if (!dataset)
    {
        const std::string gdalMessage = CPLGetLastErrorMsg();
        if (openReadOnly(path, GDAL_OF_RASTER))
            return Error{ErrorCode::NotVector, "this is a raster, not a vector source", path};
        return Error{ErrorCode::OpenFailed,
                     gdalMessage.empty() ? "not a format GDAL can read as vector data" : gdalMessage, path};
    }
    if (dataset->GetLayerCount() == 0)
        return Error{ErrorCode::NoFeatures, "the source contains no vector layer", path};

    std::vector<VectorLayer> layers;
    for (OGRLayer* ogrLayer : dataset->GetLayers())
    {
        if (!options.layerName.empty() && options.layerName != ogrLayer->GetName())
            continue;
        if (std::find(options.deferredLayers.begin(), options.deferredLayers.end(), ogrLayer->GetName()) !=
            options.deferredLayers.end())
        {
            const GIntBig count = ogrLayer->GetFeatureCount();
            if (count > options.deferAbove)
            {
                // Described but not read: its fields and how many features it has.
                VectorLayer deferred;
                deferred.name = ogrLayer->GetName();
                deferred.sourcePath = path;
                const OGRwkbGeometryType type = wkbFlatten(ogrLayer->GetGeomType());
                deferred.kind = type == wkbPoint || type == wkbMultiPoint             ? GeometryKind::Point
                                : type == wkbLineString || type == wkbMultiLineString ? GeometryKind::Line
                                : type == wkbNone                                     ? GeometryKind::None
                                                                                      : GeometryKind::Polygon;
                OGRFeatureDefn& definition = *ogrLayer->GetLayerDefn();
                for (int i = 0; i < definition.GetFieldCount(); ++i)
                    deferred.fieldNames.emplace_back(definition.GetFieldDefn(i)->GetNameRef());
                deferred.deferredCount = count;
                layers.push_back(std::move(deferred));
                continue;
            }
        }
        auto layer = readLayer(*ogrLayer, path, options);
        if (!layer)
            return layer.error();
        if (auto unknown = unknownShapefileCodePage(path))
            layer->warnings.push_back({LayerWarning::Kind::CodePageUnknown, *unknown,
                                       "the .cpg names the code page '" + *unknown +
                                           "', which is not known here: the text was read without converting it"});
        for (const LayerWarning& warning : layer->warnings)
            log(LogLevel::Warning, "data.vector", path + " [" + layer->name + "]: " + warning.detail);
        layers.push_back(std::move(layer.value()));
    }
    if (layers.empty())
        return Error{ErrorCode::NoFeatures, "no layer named '" + options.layerName + "'", path};
    return layers;
}

} // namespace citytwin::data
