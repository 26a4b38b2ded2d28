#include "data/gdal_open.hpp"
#include "data/sample/district_layout.hpp"
#include "data/sample/sample_writer.hpp"

#include <map>

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace citytwin::data;

namespace
{
/// Reads a layer's geometries (as WKB) and field values into a hash, in fid order.
QByteArray layerHash(const std::string& path, const char* layerName)
{
    GdalDatasetPtr dataset = openReadOnly(path, GDAL_OF_VECTOR);
    OGRLayer* layer = dataset ? dataset->GetLayerByName(layerName) : nullptr;
    if (!layer)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (auto& feature : *layer)
    {
        for (int i = 0; i < feature->GetFieldCount(); ++i)
            hash.addData(QByteArray(feature->GetFieldAsString(i)));
        if (const OGRGeometry* geometry = feature->GetGeometryRef())
        {
            QByteArray wkb(static_cast<int>(geometry->WkbSize()), '\0');
            geometry->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
            hash.addData(wkb);
        }
    }
    return hash.result();
}
} // namespace

/// The sample district's administrative layers (issue 4, first part).
class TestSampleDistrict : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mPath = mDir.filePath(QStringLiteral("sample.gpkg")).toStdString();
        auto report = sample::writeSample(mPath, {});
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message().c_str());
        mReport = report.value();
        mDataset = openReadOnly(mPath, GDAL_OF_VECTOR);
        QVERIFY(mDataset);
    }

    void countsFollowTheDistrict()
    {
        QCOMPARE(mReport.grids, 2257);
        QCOMPARE(mReport.communities, 175);
        QCOMPARE(mReport.population, 785000);
        QCOMPARE(mDataset->GetLayerByName("grids")->GetFeatureCount(), 2257);
        QCOMPARE(mDataset->GetLayerByName("communities")->GetFeatureCount(), 175);
        QCOMPARE(mDataset->GetLayerByName("district")->GetFeatureCount(), 1);
        QVERIFY(mDataset->GetLayerByName("streets")->GetFeatureCount() >= 8);
        std::int64_t population = 0;
        for (auto& community : *mDataset->GetLayerByName("communities"))
            population += community->GetFieldAsInteger64("population");
        QCOMPARE(population, 785000);
    }

    void districtIsOneValidPolygonOf176SquareKilometres()
    {
        OGRLayer* district = mDataset->GetLayerByName("district");
        district->ResetReading();
        std::unique_ptr<OGRFeature> feature(district->GetNextFeature());
        const OGRGeometry* geometry = feature->GetGeometryRef();
        QVERIFY(geometry->IsValid());
        QCOMPARE(geometry->toMultiPolygon()->getNumGeometries(), 1);
        QCOMPARE(geometry->toMultiPolygon()->getGeometryRef(0)->getNumInteriorRings(), 0);
        const double area = OGR_G_Area(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(geometry)));
        QVERIFY2(std::abs(area - 176.0e6) < 0.01 * 176.0e6, qPrintable(QString::number(area)));
    }

    void gridsTileTheirCommunitiesExactly()
    {
        std::map<std::int64_t, double> gridArea;
        std::map<std::int64_t, std::unique_ptr<OGRGeometry>> communities;
        for (auto& community : *mDataset->GetLayerByName("communities"))
        {
            QVERIFY(community->GetGeometryRef()->IsValid());
            communities[community->GetFieldAsInteger64("id")].reset(community->GetGeometryRef()->clone());
        }
        double total = 0.0;
        for (auto& grid : *mDataset->GetLayerByName("grids"))
        {
            const OGRGeometry* shape = grid->GetGeometryRef();
            QVERIFY(shape->IsValid());
            const double area = OGR_G_Area(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(shape)));
            QVERIFY(area > 0.0);
            const std::int64_t community = grid->GetFieldAsInteger64("community_id");
            gridArea[community] += area;
            total += area;
            // Each grid lies inside its own community.
            OGRPoint centre;
            shape->Centroid(&centre);
            QVERIFY(communities.at(community)->Contains(&centre));
        }
        for (const auto& [id, shape] : communities)
        {
            const double area = OGR_G_Area(OGRGeometry::ToHandle(shape.get()));
            QVERIFY2(std::abs(area - gridArea[id]) < 1e-6 * area, qPrintable(QStringLiteral("community %1").arg(id)));
        }
        // The grids' areas add up to the district's: with the union equal to the district, no two overlap.
        QVERIFY2(std::abs(total - mReport.districtAreaSquareMetres) < 1e-6 * total, qPrintable(QString::number(total)));
    }

    void sameSeedSameDistrict()
    {
        const std::string again = mDir.filePath(QStringLiteral("again.gpkg")).toStdString();
        const std::string other = mDir.filePath(QStringLiteral("other.gpkg")).toStdString();
        QVERIFY(sample::writeSample(again, {}).ok());
        QVERIFY(sample::writeSample(other, {.seed = 7}).ok());
        for (const char* layer : {"district", "streets", "communities", "grids"})
        {
            QCOMPARE(layerHash(again, layer), layerHash(mPath, layer));
            QVERIFY(layerHash(other, layer) != layerHash(mPath, layer));
        }
    }

    void refusesToOverwrite()
    {
        auto again = sample::writeSample(mPath, {});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().path, mPath);
    }

private:
    QTemporaryDir mDir;
    std::string mPath;
    sample::SampleReport mReport;
    GdalDatasetPtr mDataset;
};

QTEST_GUILESS_MAIN(TestSampleDistrict)
#include "test_sample_district.moc"
