#include "error_text.hpp"

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
    }
    QString line = what;
    if (!error.detail.empty())
        line = tr("%1 (%2)", "a problem, then its technical detail").arg(line, QString::fromStdString(error.detail));
    if (!error.path.empty())
        line = QString::fromStdString(error.path) + QStringLiteral(": ") + line;
    return line;
}

QString ErrorText::describeWarning(const QString& layerName, const QString& warning)
{
    if (warning == QLatin1String("layer is empty"))
        return tr("Layer %1 is empty.").arg(layerName);
    if (warning.startsWith(QLatin1String("layer declares no CRS; coordinates look like degrees")))
        return tr("Layer %1 declares no coordinate reference system; its coordinates look like degrees, so "
                  "WGS 84 (EPSG:4326) was assumed. Check its placement.")
            .arg(layerName);
    if (warning.startsWith(QLatin1String("layer declares no CRS")))
        return tr("Layer %1 declares no coordinate reference system; the project CRS was assumed. Check its "
                  "placement.")
            .arg(layerName);
    return tr("Layer %1: %2").arg(layerName, warning);
}

} // namespace citytwin::app
