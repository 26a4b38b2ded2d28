#pragma once

#include "data/core/result.hpp"

#include <string>

namespace citytwin::data
{

/// What a GML `srsName` resolves to: the horizontal CRS that places the x / y coordinates, with PROJ.
struct ResolvedSrs
{
    /// The horizontal CRS as "EPSG:n" (the horizontal part of a compound CRS), the form CrsTransformer takes.
    std::string crs;
    /// Its name as PROJ gives it ("Amersfoort / RD New").
    std::string name;
    /// The CRS the srsName names when it differs from crs: a compound ("EPSG:7415") or a 3D CRS; else "".
    std::string declared;
    /// True when the horizontal CRS is geographic (degrees); GML then writes latitude first, as EPSG orders it.
    bool geographic = false;
};

/// Resolves a GML srsName with PROJ: EPSG URNs ("urn:ogc:def:crs:EPSG::28992", also with an empty or a numbered
/// version), OGC URLs ("http://www.opengis.net/def/crs/EPSG/0/28992"), "EPSG:28992", compound URNs
/// ("urn:ogc:def:crs,crs:EPSG::28992,crs:EPSG::5109") and compound codes (EPSG:7415), of which the horizontal
/// part is used; bare codes ("28992"); CRS names PROJ knows ("Amersfoort / RD New", "ETRS89 / UTM zone 32N",
/// "CGCS2000 / 3-degree Gauss-Kruger CM 117E") and a table of common short names ("RD_New", "UTM32N",
/// "CGCS2000_3_Degree_GK_CM_117E"...). Fails with CrsMissing for an empty name and CrsUnknown otherwise, the
/// detail quoting the name.
Result<ResolvedSrs> resolveSrsName(const std::string& srsName);

} // namespace citytwin::data
