#include "app/common/error_text.hpp"

namespace citytwin::app
{

QString ErrorText::describe(const data::Error& error)
{
    QString what;
    switch (error.code)
    {
    case data::ErrorCode::FileNotFound:
        what = tr("the file does not exist");
        break;
    case data::ErrorCode::OpenFailed:
        what = tr("the file cannot be opened or is not in a format GDAL reads");
        break;
    case data::ErrorCode::NotVector:
        what = tr("the file is a raster, not a vector layer");
        break;
    case data::ErrorCode::NoFeatures:
        what = tr("the source contains no layer to show");
        break;
    case data::ErrorCode::CrsUnknown:
        what = tr("the coordinate reference system is unknown");
        break;
    case data::ErrorCode::CrsMissing:
        what = tr("the layer has no coordinate reference system");
        break;
    case data::ErrorCode::TransformFailed:
        what = tr("the coordinates cannot be transformed into the project CRS");
        break;
    case data::ErrorCode::InvalidArgument:
        what = tr("invalid argument");
        break;
    case data::ErrorCode::StoreFailed:
        what = tr("the project database could not be read or written");
        break;
    case data::ErrorCode::ImportRejected:
        what = tr("the import was refused");
        break;
    case data::ErrorCode::ContentUnreadable:
        what = tr("the file's content cannot be read or is not supported");
        break;
    case data::ErrorCode::FormatNotSupported:
        what = tr("the format is recognised, but the file is damaged or uses something not supported");
        break;
    }
    QString line = what;
    if (!error.detail.empty())
        line = tr("%1 (%2)", "a problem, then its technical detail").arg(line, QString::fromStdString(error.detail));
    if (!error.path.empty())
        line = QString::fromStdString(error.path) + QStringLiteral(": ") + line;
    return line;
}

QString ErrorText::rejectReason(data::RejectReason reason)
{
    switch (reason)
    {
    case data::RejectReason::BadDate:
        return tr("bad date");
    case data::RejectReason::TimesOutOfOrder:
        return tr("times out of order");
    case data::RejectReason::BadLocation:
        return tr("bad or missing location");
    case data::RejectReason::OutsideDistrict:
        return tr("outside the district");
    case data::RejectReason::UnknownCategory:
        return tr("unknown category");
    case data::RejectReason::UnknownSource:
        return tr("unknown source");
    case data::RejectReason::UnknownStatus:
        return tr("unknown status");
    case data::RejectReason::Duplicate:
        return tr("already in the project");
    }
    return QString::fromLatin1(data::rejectReasonCode(reason));
}

QString ErrorText::describeWarning(const QString& layerName, const data::LayerWarning& warning)
{
    const QString value = QString::fromStdString(warning.value);
    switch (warning.kind)
    {
    case data::LayerWarning::Kind::Empty:
        return tr("Layer %1 is empty.").arg(layerName);
    case data::LayerWarning::Kind::CrsGuessed:
        return tr("Layer %1 declares no coordinate reference system; from its coordinates %2 was assumed. Check "
                  "its placement.")
            .arg(layerName, value);
    case data::LayerWarning::Kind::DecodedAsGbk:
        return tr("Layer %1: the text is not UTF-8 and no code page is declared; it was decoded as GBK.")
            .arg(layerName);
    case data::LayerWarning::Kind::GeometryRepaired:
        return tr("Layer %1: %2 invalid geometries were repaired.").arg(layerName, value);
    case data::LayerWarning::Kind::GeometrySkipped:
        return tr("Layer %1: %2 invalid geometries were skipped.").arg(layerName, value);
    case data::LayerWarning::Kind::ReadAsCollection:
        return tr("Layer %1 is a bare JSON array of features (not a FeatureCollection); it was read as one.")
            .arg(layerName);
    case data::LayerWarning::Kind::CrsFromName:
        return tr("Layer %1 names its coordinate reference system '%2'; it was read as %3.")
            .arg(layerName, value, QString::fromStdString(warning.detail.substr(warning.detail.rfind(' ') + 1)));
    case data::LayerWarning::Kind::CrsNotRecognised:
        return tr("Layer %1 names a coordinate reference system that is not known (%2); WGS 84, GeoJSON's default, "
                  "was used. Declare the right one if it lands in the wrong place.")
            .arg(layerName, value);
    case data::LayerWarning::Kind::DataVAsGcj02:
        return tr("Layer %1 looks like DataV GeoAtlas data (features with adcode) and declares no coordinate "
                  "reference system; it was read as GCJ-02, the coordinates DataV publishes. Declare EPSG:4326 if "
                  "they are WGS 84.")
            .arg(layerName);
    case data::LayerWarning::Kind::PointsFromColumns:
        return tr("Layer %1: points from the columns %2.").arg(layerName, value);
    case data::LayerWarning::Kind::NoGeometry:
        return tr("Layer %1: %2 feature(s) have no geometry GDAL could read and are not shown (for a table: are its "
                  "coordinate columns named as usual? --x-field and --y-field name them).")
            .arg(layerName, value);
    case data::LayerWarning::Kind::CodePageUnknown:
        return tr("Layer %1: its .cpg file names the code page “%2”, which is not known here; the text was read "
                  "without converting it (Chinese text may look wrong). Write UTF-8 or 936 (GBK) in the .cpg.")
            .arg(layerName, value);
    }
    return tr("Layer %1: %2").arg(layerName, QString::fromStdString(warning.detail));
}

} // namespace citytwin::app
