#include "data/io/raster_source.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <gdalwarper.h>
#include <ogr_spatialref.h>

namespace citytwin::data
{

Result<std::shared_ptr<RasterSource>> RasterSource::open(const std::string& path, const std::string& projectCrs)
{
    ensureGdalRegistered();
    CPLErrorReset();
    GdalDatasetPtr dataset = openReadOnly(path, GDAL_OF_RASTER);
    if (!dataset || dataset->GetRasterCount() == 0)
        return Error{ErrorCode::OpenFailed,
                     std::string("not a raster GDAL can read") + (CPLGetLastErrorMsg()[0] ? ": " : "") +
                         CPLGetLastErrorMsg(),
                     path};
    double transform[6];
    if (dataset->GetGeoTransform(transform) != CE_None)
        return Error{ErrorCode::CrsMissing, "the raster has no georeferencing", path};
    const OGRSpatialReference* srs = dataset->GetSpatialRef();
    if (!srs)
        return Error{ErrorCode::CrsMissing, "the raster has no coordinate reference system", path};
    OGRSpatialReference project;
    if (project.SetFromUserInput(projectCrs.c_str()) != OGRERR_NONE)
        return Error{ErrorCode::CrsUnknown, "unknown project CRS '" + projectCrs + "'", path};
    project.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    std::shared_ptr<RasterSource> source(new RasterSource);
    source->mPath = path;
    if (!srs->IsSame(&project) || transform[2] != 0.0 || transform[4] != 0.0)
    {
        // Warp on the fly into the project CRS (north up).
        char* wkt = nullptr;
        project.exportToWkt(&wkt);
        GDALDatasetH warped =
            GDALAutoCreateWarpedVRT(GDALDataset::ToHandle(dataset.get()), nullptr, wkt, GRA_Bilinear, 0.125, nullptr);
        CPLFree(wkt);
        if (!warped)
            return Error{ErrorCode::OpenFailed,
                         std::string("cannot reproject the raster into the project CRS: ") + CPLGetLastErrorMsg(),
                         path};
        // The warped dataset keeps a reference to its source.
        // The warped VRT references its source dataset; our handle to the source is released after it.
        GDALDataset::FromHandle(warped)->GetGeoTransform(transform);
        source->mDataset.reset(GDALDataset::FromHandle(warped));
        source->mSource = std::move(dataset);
    }
    else
    {
        source->mDataset = std::move(dataset);
    }
    GDALDataset& raster = *source->mDataset;
    std::copy(transform, transform + 6, source->mTransform);
    source->mWidth = raster.GetRasterXSize();
    source->mHeight = raster.GetRasterYSize();
    source->mBands = raster.GetRasterCount();
    source->mResolution = std::abs(transform[1]);
    const GDALDataType type = raster.GetRasterBand(1)->GetRasterDataType();
    source->mElevation = type != GDT_Byte;
    source->mExtent.include(transform[0], transform[3]);
    source->mExtent.include(transform[0] + transform[1] * source->mWidth,
                            transform[3] + transform[5] * source->mHeight);
    return source;
}

Result<bool> RasterSource::read(const Extent& box, int width, int height, int bands, int typeCode, void* buffer,
                                bool pointGrid) const
{
    // The window in pixel coordinates; for a point grid, widened by half a step so that buffer pixel centres
    // fall on the points (neighbouring tiles then share their edge samples).
    double x0 = box.minX, x1 = box.maxX, y0 = box.maxY, y1 = box.minY;
    if (pointGrid && width > 1 && height > 1)
    {
        const double dx = (box.maxX - box.minX) / (width - 1), dy = (box.maxY - box.minY) / (height - 1);
        x0 -= dx / 2, x1 += dx / 2, y0 += dy / 2, y1 -= dy / 2;
    }
    const double px0 = (x0 - mTransform[0]) / mTransform[1], px1 = (x1 - mTransform[0]) / mTransform[1];
    const double py0 = (y0 - mTransform[3]) / mTransform[5], py1 = (y1 - mTransform[3]) / mTransform[5];
    const double stepX = (px1 - px0) / width, stepY = (py1 - py0) / height;
    const auto type = static_cast<GDALDataType>(typeCode);
    const int pixelBytes = GDALGetDataTypeSizeBytes(type);
    const GSpacing pixelSpace = static_cast<GSpacing>(pixelBytes) * bands;
    const GSpacing lineSpace = pixelSpace * width;
    std::vector<int> bandMap;
    for (int b = 1; b <= bands; ++b)
        bandMap.push_back(std::min(b, mBands));

    // Reads the source window [fx0, fx1) x [fy0, fy1) (pixels, inside the raster) into the buffer block whose
    // top-left is (column, row), columns x rows pixels.
    auto readBlock = [&](double fx0, double fx1, double fy0, double fy1, int column, int row, int columns,
                         int rows) -> Result<bool>
    {
        GDALRasterIOExtraArg extra;
        INIT_RASTERIO_EXTRA_ARG(extra);
        extra.eResampleAlg = GRIORA_Bilinear;
        extra.bFloatingPointWindowValidity = TRUE;
        extra.dfXOff = fx0;
        extra.dfYOff = fy0;
        extra.dfXSize = std::max(1e-6, fx1 - fx0);
        extra.dfYSize = std::max(1e-6, fy1 - fy0);
        const int ix0 = static_cast<int>(std::floor(fx0)), iy0 = static_cast<int>(std::floor(fy0));
        const int ix1 = std::clamp(static_cast<int>(std::ceil(fx1)), ix0 + 1, mWidth);
        const int iy1 = std::clamp(static_cast<int>(std::ceil(fy1)), iy0 + 1, mHeight);
        auto* start = static_cast<std::uint8_t*>(buffer) + row * lineSpace + column * pixelSpace;
        if (mDataset->RasterIO(GF_Read, ix0, iy0, ix1 - ix0, iy1 - iy0, start, columns, rows, type, bands,
                               bandMap.data(), pixelSpace, lineSpace, pixelBytes, &extra) != CE_None)
            return Error{ErrorCode::OpenFailed, std::string("cannot read the raster: ") + CPLGetLastErrorMsg(), mPath};
        return true;
    };
    std::lock_guard lock(mMutex);
    CPLErrorReset();
    // 1. The buffer pixels whose footprint lies wholly inside the raster, in one read.
    const int c0 = std::clamp(static_cast<int>(std::ceil((0.0 - px0) / stepX - 1e-9)), 0, width);
    const int c1 = std::clamp(static_cast<int>(std::floor((mWidth - px0) / stepX + 1e-9)), c0, width);
    const int r0 = std::clamp(static_cast<int>(std::ceil((0.0 - py0) / stepY - 1e-9)), 0, height);
    const int r1 = std::clamp(static_cast<int>(std::floor((mHeight - py0) / stepY + 1e-9)), r0, height);
    if (c1 > c0 && r1 > r0)
        if (auto done = readBlock(px0 + c0 * stepX, px0 + c1 * stepX, py0 + r0 * stepY, py0 + r1 * stepY, c0, r0,
                                  c1 - c0, r1 - r0);
            !done)
            return done.error();
    // 2. Pixels across the raster's edge whose centre is inside: each from the part of its footprint inside.
    const int a0 = std::clamp(static_cast<int>(std::ceil((0.0 - px0) / stepX - 0.5)), 0, width);
    const int a1 = std::clamp(static_cast<int>(std::floor((mWidth - px0) / stepX - 0.5)) + 1, a0, width);
    const int b0 = std::clamp(static_cast<int>(std::ceil((0.0 - py0) / stepY - 0.5)), 0, height);
    const int b1 = std::clamp(static_cast<int>(std::floor((mHeight - py0) / stepY - 0.5)) + 1, b0, height);
    for (int row = b0; row < b1; ++row)
        for (int column = a0; column < a1; ++column)
        {
            if (column >= c0 && column < c1 && row >= r0 && row < r1)
                continue;
            const double fx0 = std::max(0.0, px0 + column * stepX);
            const double fx1 = std::min(static_cast<double>(mWidth), px0 + (column + 1) * stepX);
            const double fy0 = std::max(0.0, py0 + row * stepY);
            const double fy1 = std::min(static_cast<double>(mHeight), py0 + (row + 1) * stepY);
            if (fx1 <= fx0 || fy1 <= fy0)
                continue;
            if (auto done = readBlock(fx0, fx1, fy0, fy1, column, row, 1, 1); !done)
                return done.error();
        }
    return a1 > a0 && b1 > b0;
}

Result<bool> RasterSource::sampleGridRect(const Extent& box, int columns, int rows, std::vector<float>& values,
                                          float noData) const
{
    const float marker = std::numeric_limits<float>::lowest();
    values.assign(static_cast<std::size_t>(columns) * rows, marker);
    auto done = read(box, columns, rows, 1, GDT_Float32, values.data(), true);
    if (!done)
        return done.error();
    int hasNoData = 0;
    const double sourceNoData = mDataset->GetRasterBand(1)->GetNoDataValue(&hasNoData);
    for (float& value : values)
        if (value == marker || (hasNoData && std::abs(value - sourceNoData) < 1e-3) || std::isnan(value))
            value = noData;
    return true;
}

Result<bool> RasterSource::readRgb(const Extent& box, int width, int height, std::vector<std::uint8_t>& rgb) const
{
    rgb.assign(static_cast<std::size_t>(width) * height * 3, 0);
    auto done = read(box, width, height, 3, GDT_Byte, rgb.data(), false);
    if (!done)
        return done.error();
    return true;
}

TerrainRasters findTerrainRasters(const std::string& path)
{
    ensureGdalRegistered();
    TerrainRasters found;
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GdalDatasetPtr dataset = openReadOnly(path, GDAL_OF_RASTER);
    CPLPopErrorHandler();
    if (!dataset)
        return found;
    std::vector<std::string> candidates;
    if (char** subdatasets = dataset->GetMetadata("SUBDATASETS"))
    {
        for (int i = 0; subdatasets[i]; ++i)
        {
            const std::string entry = subdatasets[i];
            const auto equals = entry.find('=');
            if (equals != std::string::npos && entry.substr(0, equals).ends_with("_NAME"))
                candidates.push_back(entry.substr(equals + 1));
        }
    }
    else if (dataset->GetRasterCount() > 0)
        candidates.push_back(path);
    for (const std::string& candidate : candidates)
    {
        // A look at the candidate only (RasterSource::open, which may warp, comes when it is used).
        CPLPushErrorHandler(CPLQuietErrorHandler);
        GdalDatasetPtr raster = candidate == path ? std::move(dataset) : openReadOnly(candidate, GDAL_OF_RASTER);
        CPLPopErrorHandler();
        double transform[6];
        if (!raster || raster->GetRasterCount() == 0 || raster->GetGeoTransform(transform) != CE_None ||
            !raster->GetSpatialRef())
            continue;
        const bool elevation = raster->GetRasterBand(1)->GetRasterDataType() != GDT_Byte;
        const bool namedDem = candidate.ends_with(":dem"), namedImagery = candidate.ends_with(":imagery");
        if (elevation && (found.dem.empty() || namedDem))
            found.dem = candidate;
        else if (!elevation && (found.imagery.empty() || namedImagery))
            found.imagery = candidate;
    }
    return found;
}

bool isRasterOnly(const std::string& path)
{
    ensureGdalRegistered();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GdalDatasetPtr vector = openReadOnly(path, GDAL_OF_VECTOR);
    const bool hasVector = vector && vector->GetLayerCount() > 0;
    GdalDatasetPtr raster = hasVector ? nullptr : openReadOnly(path, GDAL_OF_RASTER);
    CPLPopErrorHandler();
    return !hasVector && raster;
}

Result<std::shared_ptr<const HeightField>> HeightField::load(const RasterSource& dem, int maxSize)
{
    auto field = std::make_shared<HeightField>();
    const double aspect = (dem.extent().maxY - dem.extent().minY) / (dem.extent().maxX - dem.extent().minX);
    field->mWidth = std::clamp(dem.width(), 2, maxSize);
    field->mHeight = std::clamp(static_cast<int>(std::lround(field->mWidth * aspect)), 2, maxSize);
    // Samples at pixel centres, so the field's extent is the raster's inset by half a sample.
    const double dx = (dem.extent().maxX - dem.extent().minX) / field->mWidth;
    const double dy = (dem.extent().maxY - dem.extent().minY) / field->mHeight;
    field->mExtent.include(dem.extent().minX + dx / 2, dem.extent().minY + dy / 2);
    field->mExtent.include(dem.extent().maxX - dx / 2, dem.extent().maxY - dy / 2);
    std::vector<float> values;
    auto grid = dem.sampleGridRect(field->mExtent, field->mWidth, field->mHeight, values);
    if (!grid)
        return grid.error();
    field->mHeights = std::move(values);
    const auto [low, high] = std::minmax_element(field->mHeights.begin(), field->mHeights.end());
    field->mMinimum = *low;
    field->mMaximum = *high;
    return std::shared_ptr<const HeightField>(field);
}

double HeightField::heightAt(double x, double y) const
{
    if (mHeights.empty())
        return 0.0;
    const double fx = std::clamp((x - mExtent.minX) / (mExtent.maxX - mExtent.minX) * (mWidth - 1), 0.0,
                                 static_cast<double>(mWidth - 1));
    const double fy = std::clamp((mExtent.maxY - y) / (mExtent.maxY - mExtent.minY) * (mHeight - 1), 0.0,
                                 static_cast<double>(mHeight - 1));
    const int c = std::min(static_cast<int>(fx), mWidth - 2), r = std::min(static_cast<int>(fy), mHeight - 2);
    const double u = fx - c, v = fy - r;
    auto at = [this](int column, int row) { return mHeights[static_cast<std::size_t>(row) * mWidth + column]; };
    return (1 - u) * (1 - v) * at(c, r) + u * (1 - v) * at(c + 1, r) + (1 - u) * v * at(c, r + 1) +
           u * v * at(c + 1, r + 1);
}

} // namespace citytwin::data
