#include "terrain_writer.hpp"

#include "data/io/gdal_open.hpp"
#include "data/project/schema.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

namespace citytwin::data::sample
{
namespace
{
constexpr double DemResolution = 10.0;
constexpr double ImageryResolution = 5.0;
constexpr double Margin = 400.0;

struct Rgb
{
    double r, g, b;
};

Rgb mix(const Rgb& a, const Rgb& b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

/// A stable hash of two integers to [0, 1).
double hash01(std::int64_t a, std::int64_t b)
{
    std::uint64_t z =
        static_cast<std::uint64_t>(a) * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(b) * 0xC2B2AE3D27D4EB4Full;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * (1.0 / 9007199254740992.0);
}

/// A raster of the extent at a resolution: pixel (column, row) covers [x0 + c r, x0 + (c + 1) r] and
/// rows go from north to south.
struct Grid
{
    double x0 = 0.0, y1 = 0.0, resolution = 1.0;
    int width = 0, height = 0;
    double x(int column) const { return x0 + (column + 0.5) * resolution; }
    double y(int row) const { return y1 - (row + 0.5) * resolution; }
};

Result<bool> writeRasterTable(const std::string& path, const char* table, const Grid& grid, GDALDataType type,
                              int bands, void* data, const std::vector<const char*>& extraOptions)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        return Error{ErrorCode::StoreFailed, "GDAL has no GeoPackage driver", path};
    std::vector<std::string> texts = {"APPEND_SUBDATASET=YES", std::string("RASTER_TABLE=") + table,
                                      std::string("RASTER_IDENTIFIER=") + table};
    for (const char* option : extraOptions)
        texts.emplace_back(option);
    std::vector<char*> options;
    for (std::string& text : texts)
        options.push_back(text.data());
    options.push_back(nullptr);
    CPLErrorReset();
    GdalDatasetPtr dataset(driver->Create(path.c_str(), grid.width, grid.height, bands, type, options.data()));
    if (!dataset)
        return Error{ErrorCode::StoreFailed,
                     std::string("cannot create the raster table ") + table + ": " + CPLGetLastErrorMsg(), path};
    double transform[6] = {grid.x0, grid.resolution, 0.0, grid.y1, 0.0, -grid.resolution};
    dataset->SetGeoTransform(transform);
    OGRSpatialReference srs;
    srs.importFromEPSG(4548);
    dataset->SetSpatialRef(&srs);
    const int pixelBytes = GDALGetDataTypeSizeBytes(type);
    // Pixel-interleaved buffer.
    if (dataset->RasterIO(GF_Write, 0, 0, grid.width, grid.height, data, grid.width, grid.height, type, bands, nullptr,
                          static_cast<GSpacing>(pixelBytes) * bands,
                          static_cast<GSpacing>(pixelBytes) * bands * grid.width, pixelBytes, nullptr) != CE_None)
        return Error{ErrorCode::StoreFailed, std::string("cannot write ") + table + ": " + CPLGetLastErrorMsg(), path};
    int levels[] = {2, 4, 8, 16};
    if (dataset->BuildOverviews(type == GDT_Byte ? "AVERAGE" : "NEAREST", 4, levels, 0, nullptr, nullptr, nullptr) !=
        CE_None)
        return Error{ErrorCode::StoreFailed,
                     std::string("cannot build the overviews of ") + table + ": " + CPLGetLastErrorMsg(), path};
    return true;
}

/// The raster's frame: the district's extent plus the margin, on whole hundreds of metres.
struct Frame
{
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;

    Grid grid(double resolution) const
    {
        return {x0, y1, resolution, static_cast<int>((x1 - x0) / resolution), static_cast<int>((y1 - y0) / resolution)};
    }
};

Frame frameOf(const DistrictLayout& layout)
{
    Extent extent;
    for (const GridCell& cell : layout.grids)
        for (const Position& p : cell.corners)
            extent.include(p.x, p.y);
    Frame frame;
    frame.x0 = std::floor((extent.minX - Margin) / 100.0) * 100.0;
    frame.y0 = std::floor((extent.minY - Margin) / 100.0) * 100.0;
    frame.x1 = std::ceil((extent.maxX + Margin) / 100.0) * 100.0;
    frame.y1 = std::ceil((extent.maxY + Margin) / 100.0) * 100.0;
    return frame;
}

/// The DEM's elevations (metres) and the urban density at its pixels, row by row.
struct DemSamples
{
    std::vector<float> elevations;
    std::vector<float> density;
};

DemSamples sampleDem(const Grid& dem, const Landscape& landscape)
{
    DemSamples samples;
    samples.elevations.resize(static_cast<std::size_t>(dem.width) * dem.height);
    samples.density.resize(samples.elevations.size());
    for (int row = 0; row < dem.height; ++row)
        for (int column = 0; column < dem.width; ++column)
        {
            const std::size_t at = static_cast<std::size_t>(row) * dem.width + column;
            samples.elevations[at] = static_cast<float>(landscape.elevation(dem.x(column), dem.y(row)));
            samples.density[at] = static_cast<float>(landscape.urbanDensity(dem.x(column), dem.y(row)));
        }
    return samples;
}

/// The image's colours (0 to 1, before hill shading), row by row.
struct Picture
{
    Grid grid;
    std::vector<Rgb> colours;

    /// Sets the pixels of the box whose centre is inside to the colour.
    template <typename Inside> void paint(const Extent& box, Inside&& inside, const Rgb& colour)
    {
        const int c0 = std::max(0, static_cast<int>((box.minX - grid.x0) / grid.resolution));
        const int c1 = std::min(grid.width - 1, static_cast<int>((box.maxX - grid.x0) / grid.resolution));
        const int r0 = std::max(0, static_cast<int>((grid.y1 - box.maxY) / grid.resolution));
        const int r1 = std::min(grid.height - 1, static_cast<int>((grid.y1 - box.minY) / grid.resolution));
        for (int row = r0; row <= r1; ++row)
            for (int column = c0; column <= c1; ++column)
                if (inside(grid.x(column), grid.y(row)))
                    colours[static_cast<std::size_t>(row) * grid.width + column] = colour;
    }
};

/// Land cover per pixel: fields, built-up ground by the DEM's density, the hill's woods, the river and
/// its banks, with a little grain.
Picture paintLandCover(const Grid& image, const Grid& dem, const std::vector<float>& density,
                       const Landscape& landscape)
{
    Picture picture{image, std::vector<Rgb>(static_cast<std::size_t>(image.width) * image.height)};
    const Rgb field[] = {{0.42, 0.52, 0.30}, {0.55, 0.58, 0.36}, {0.66, 0.62, 0.45}, {0.36, 0.47, 0.27}};
    const Rgb woods{0.22, 0.36, 0.20}, built{0.62, 0.60, 0.56}, water{0.20, 0.33, 0.36}, bank{0.35, 0.45, 0.30};
    const double ratio = ImageryResolution / DemResolution;
    for (int row = 0; row < image.height; ++row)
        for (int column = 0; column < image.width; ++column)
        {
            const double x = image.x(column), y = image.y(row);
            const int demColumn = std::min(dem.width - 1, static_cast<int>(column * ratio));
            const int demRow = std::min(dem.height - 1, static_cast<int>(row * ratio));
            const double d = density[static_cast<std::size_t>(demRow) * dem.width + demColumn];
            // Fields of about 180 x 120 m, each with its crop.
            const auto fieldX = static_cast<std::int64_t>(std::floor(x / 180.0));
            const auto fieldY = static_cast<std::int64_t>(std::floor(y / 120.0));
            Rgb colour = field[static_cast<int>(hash01(fieldX, fieldY) * 4.0)];
            colour = mix(colour, built, (d - 0.15) * 3.0);
            const double rise = landscape.hillRise(x, y);
            colour = mix(colour, woods, (rise - 2.0) / 6.0);
            const double river = landscape.riverDistance(x, y);
            if (river < Landscape::RiverHalfWidth + 25.0)
                colour = river < Landscape::RiverHalfWidth ? water : bank;
            const double grain = 0.06 * (hash01(column, row) - 0.5);
            picture.colours[static_cast<std::size_t>(row) * image.width + column] = {colour.r + grain, colour.g + grain,
                                                                                     colour.b + grain};
        }
    return picture;
}

/// Streets along the cell edges: main roads on every fourth lattice line. Small streets stop at the hill
/// park; bridges cross the river.
void paintStreets(Picture& picture, const DistrictLayout& layout, const Landscape& landscape)
{
    const Rgb asphalt{0.33, 0.33, 0.34}, mainRoad{0.28, 0.28, 0.30}, bridge{0.5, 0.48, 0.45};
    for (const GridCell& cell : layout.grids)
    {
        for (int edge = 0; edge < 4; ++edge)
        {
            const bool main = isMainRoadEdge(cell, edge);
            const Position& a = cell.corners[static_cast<std::size_t>(edge)];
            const Position& b = cell.corners[static_cast<std::size_t>((edge + 1) % 4)];
            const double halfWidth = main ? 14.0 : 6.0;
            Extent box;
            box.include(std::min(a.x, b.x) - halfWidth, std::min(a.y, b.y) - halfWidth);
            box.include(std::max(a.x, b.x) + halfWidth, std::max(a.y, b.y) + halfWidth);
            const double ex = b.x - a.x, ey = b.y - a.y, length2 = ex * ex + ey * ey;
            auto onRoad = [&](double x, double y)
            {
                const double t = std::clamp(((x - a.x) * ex + (y - a.y) * ey) / length2, 0.0, 1.0);
                return std::hypot(x - a.x - t * ex, y - a.y - t * ey) <= halfWidth;
            };
            const Position middle{0.5 * (a.x + b.x), 0.5 * (a.y + b.y), 0.0};
            if (!main && landscape.hillRise(middle.x, middle.y) > 6.0)
                continue;
            picture.paint(box, onRoad, main ? mainRoad : asphalt);
            auto onBridge = [&](double x, double y) { return onRoad(x, y) && landscape.inRiver(x, y); };
            picture.paint(box, onBridge, bridge);
        }
    }
}

/// A roof's colour by the building's use, a little lighter or darker from one building to the next.
Rgb roofColour(const Building& building)
{
    const double shade = hash01(building.id, 7) * 0.12;
    switch (building.use)
    {
    case BuildingUse::Factory:
        return {0.45 - shade, 0.55 - shade, 0.66 - shade};
    case BuildingUse::School:
    case BuildingUse::Public:
        return {0.70, 0.46, 0.38};
    case BuildingUse::Market:
    case BuildingUse::Shop:
        return {0.60, 0.62, 0.70};
    default:
        if (building.floors <= 3)
            return {0.66 - shade, 0.40 - shade * 0.5, 0.33};
        return {0.74 - shade, 0.72 - shade, 0.70 - shade};
    }
}

void paintRoofs(Picture& picture, const std::vector<Building>& buildings)
{
    for (const Building& building : buildings)
    {
        Extent box;
        for (const Position& p : building.footprint)
            box.include(p.x, p.y);
        const Ring& quad = building.footprint;
        auto inside = [&quad](double x, double y) { return insideConvex(quad, {x, y, 0.0}); };
        picture.paint(box, inside, roofColour(building));
    }
}

/// Hill shading from the DEM (light from the north-west), written out as 8-bit RGB, pixel-interleaved.
std::vector<std::uint8_t> shadeHills(const Picture& picture, const Grid& dem, const std::vector<float>& elevations)
{
    const Grid& image = picture.grid;
    const double ratio = ImageryResolution / DemResolution;
    std::vector<std::uint8_t> rgb(picture.colours.size() * 3);
    for (int row = 0; row < image.height; ++row)
        for (int column = 0; column < image.width; ++column)
        {
            const int dc = std::clamp(static_cast<int>(column * ratio), 1, dem.width - 2);
            const int dr = std::clamp(static_cast<int>(row * ratio), 1, dem.height - 2);
            auto z = [&](int c, int r) { return elevations[static_cast<std::size_t>(r) * dem.width + c]; };
            const double gx = (z(dc + 1, dr) - z(dc - 1, dr)) / (2.0 * DemResolution);
            const double gy = (z(dc, dr - 1) - z(dc, dr + 1)) / (2.0 * DemResolution);
            const double light =
                std::clamp(1.0 + 1.6 * (-gx * 0.7071 + gy * 0.7071) / std::sqrt(1.0 + gx * gx + gy * gy), 0.55, 1.3);
            const Rgb& colour = picture.colours[static_cast<std::size_t>(row) * image.width + column];
            std::uint8_t* out = &rgb[(static_cast<std::size_t>(row) * image.width + column) * 3];
            out[0] = static_cast<std::uint8_t>(std::clamp(colour.r * light * 255.0, 0.0, 255.0));
            out[1] = static_cast<std::uint8_t>(std::clamp(colour.g * light * 255.0, 0.0, 255.0));
            out[2] = static_cast<std::uint8_t>(std::clamp(colour.b * light * 255.0, 0.0, 255.0));
        }
    return rgb;
}
} // namespace

Result<TerrainReport> writeTerrain(const std::string& path, const DistrictLayout& layout, const Landscape& landscape,
                                   const std::vector<Building>& buildings)
{
    const Frame frame = frameOf(layout);
    Grid dem = frame.grid(DemResolution);
    DemSamples samples = sampleDem(dem, landscape);

    // The image: land cover per pixel, then streets and roofs drawn over it, then hill shading.
    Grid image = frame.grid(ImageryResolution);
    Picture picture = paintLandCover(image, dem, samples.density, landscape);
    paintStreets(picture, layout, landscape);
    paintRoofs(picture, buildings);
    std::vector<std::uint8_t> rgb = shadeHills(picture, dem, samples.elevations);

    if (auto written = writeRasterTable(path, schema::rasters::Elevation, dem, GDT_Float32, 1,
                                        samples.elevations.data(), {"TILE_FORMAT=TIFF"});
        !written)
        return written.error();
    if (auto written = writeRasterTable(path, schema::rasters::Imagery, image, GDT_Byte, 3, rgb.data(),
                                        {"TILE_FORMAT=JPEG", "QUALITY=85"});
        !written)
        return written.error();
    TerrainReport report;
    report.demWidth = dem.width;
    report.demHeight = dem.height;
    report.demResolution = DemResolution;
    report.imageryWidth = image.width;
    report.imageryHeight = image.height;
    report.imageryResolution = ImageryResolution;
    return report;
}

} // namespace citytwin::data::sample
