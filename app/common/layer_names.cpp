#include "app/common/layer_names.hpp"

#include "data/project/schema.hpp"

namespace citytwin::app
{

QString LayerNames::displayName(const std::string& table)
{
    namespace schema = data::schema;
    if (table == schema::district::Table)
        return tr("District");
    if (table == schema::streets::Table)
        return tr("Streets");
    if (table == schema::communities::Table)
        return tr("Communities");
    if (table == schema::grids::Table)
        return tr("Grid cells");
    if (table == schema::roads::Table)
        return tr("Roads");
    if (table == schema::river::Table)
        return tr("River");
    if (table == schema::buildings::Table)
        return tr("Buildings");
    if (table == schema::stations::Table)
        return tr("Service stations");
    if (table == schema::cameras::Table)
        return tr("Cameras");
    if (table == schema::party_orgs::Table)
        return tr("Party organizations");
    if (table == schema::party_links::Table)
        return tr("1+10 links");
    if (table == schema::incidents::Table)
        return tr("Incidents");
    if (table == "drawn area")
        return tr("Area drawn on the map");
    // Kinds of the point layers drawn with icons (legend lines).
    if (const QString kind = stationKindName(table); kind != QString::fromStdString(table))
        return kind;
    if (table == "camera_ai")
        return tr("Found by camera AI");
    if (table == "grid_inspector")
        return tr("Reported by grid inspectors");
    if (table == "hotline")
        return tr("12345 hotline calls");
    if (table == "citizen_app")
        return tr("Citizen app reports");
    if (table == "community")
        return tr("Community cameras");
    if (table == "public_security")
        return tr("Public-security cameras");
    // Words of thematic legends.
    if (table == "other")
        return tr("other");
    if (table == "no data")
        return tr("no data");
    if (table == "low")
        return tr("low");
    return QString::fromStdString(table);
}

QString LayerNames::displayName(const std::string& table, data::LayerRole role, const data::LayerDerivation& from)
{
    const QString source = displayName(from.sourceLayer);
    switch (role)
    {
    case data::LayerRole::Source:
        break;
    case data::LayerRole::Columns:
        return tr("%1 as columns").arg(source);
    case data::LayerRole::RecurringPlaces:
        return tr("%1: recurring places").arg(source);
    case data::LayerRole::SeenGround:
        return tr("%1: ground in view").arg(source);
    case data::LayerRole::ViewCones:
        return tr("%1: view cones").arg(source);
    case data::LayerRole::ServiceRings:
        return tr("%1 service rings (%2 m)")
            .arg(from.stationKind.empty() ? source : stationKindName(from.stationKind),
                 QString::number(from.radiusMetres, 'f', 0));
    }
    return displayName(table);
}

QString LayerNames::displayName(const data::VectorLayer& layer)
{
    return displayName(layer.name, layer.role, layer.derivedFrom);
}

QString LayerNames::stationKindName(const std::string& kind)
{
    if (kind == "day_care")
        return tr("Day-care stations");
    if (kind == "canteen")
        return tr("Canteens for the elderly");
    if (kind == "after_school")
        return tr("After-school classes");
    if (kind == "childcare")
        return tr("Childcare centres");
    if (kind == "warm_station")
        return tr("Warm stations");
    if (kind == "service_center")
        return tr("Party and public service centres");
    if (kind == "civilization_practice")
        return tr("Civilization practice stations");
    if (kind == "elderly_home")
        return tr("Elderly homes");
    if (kind == "social_work")
        return tr("Social work stations");
    return QString::fromStdString(kind);
}

} // namespace citytwin::app
