#include "layer_names.hpp"

namespace citytwin::app
{

QString LayerNames::displayName(const std::string& table)
{
    if (table == "district")
        return tr("District");
    if (table == "streets")
        return tr("Streets");
    if (table == "communities")
        return tr("Communities");
    if (table == "grids")
        return tr("Grid cells");
    if (table == "roads")
        return tr("Roads");
    if (table == "river")
        return tr("River");
    if (table == "buildings")
        return tr("Buildings");
    if (table == "stations")
        return tr("Service stations");
    if (table == "cameras")
        return tr("Cameras");
    if (table == "party_orgs")
        return tr("Party organizations");
    if (table == "party_links")
        return tr("1+10 links");
    if (table == "incidents")
        return tr("Incidents");
    return QString::fromStdString(table);
}

} // namespace citytwin::app
