#include "data/geo/crs_transformer.hpp"

#include "data/geo/proj_handles.hpp"

#include <cmath>

#include <proj.h>

namespace citytwin::data
{
namespace
{
using ContextPtr = ProjContextPtr;

ContextPtr makeContext()
{
    return makeProjContext();
}

PjPtr makeCrs(PJ_CONTEXT* context, const std::string& definition)
{
    return PjPtr(proj_create(context, definition.c_str()));
}

std::string contextError(PJ_CONTEXT* context)
{
    const int code = proj_context_errno(context);
    const char* text = code ? proj_context_errno_string(context, code) : nullptr;
    return text ? text : "unknown PROJ error";
}
} // namespace

struct CrsTransformer::Impl
{
    ContextPtr context;
    PjPtr transformation;
};

CrsTransformer::CrsTransformer(std::unique_ptr<Impl> impl, bool identity) : mImpl(std::move(impl)), mIdentity(identity)
{
}
CrsTransformer::CrsTransformer(CrsTransformer&&) noexcept = default;
CrsTransformer& CrsTransformer::operator=(CrsTransformer&&) noexcept = default;
CrsTransformer::~CrsTransformer() = default;

Result<CrsTransformer> CrsTransformer::create(const std::string& sourceCrs, const std::string& targetCrs)
{
    auto impl = std::make_unique<Impl>();
    impl->context = makeContext();
    PJ_CONTEXT* context = impl->context.get();

    PjPtr source = makeCrs(context, sourceCrs);
    if (!source)
        return Error{ErrorCode::CrsUnknown, "unknown source CRS '" + sourceCrs + "': " + contextError(context), {}};
    PjPtr target = makeCrs(context, targetCrs);
    if (!target)
        return Error{ErrorCode::CrsUnknown, "unknown target CRS '" + targetCrs + "': " + contextError(context), {}};

    const bool identity = proj_is_equivalent_to(source.get(), target.get(), PJ_COMP_EQUIVALENT) != 0;

    PjPtr raw(proj_create_crs_to_crs_from_pj(context, source.get(), target.get(), nullptr, nullptr));
    if (!raw)
        return Error{ErrorCode::TransformFailed,
                     "no transformation from '" + sourceCrs + "' to '" + targetCrs + "': " + contextError(context),
                     {}};
    // Traditional GIS axis order (x = east / longitude) for both ends.
    impl->transformation.reset(proj_normalize_for_visualization(context, raw.get()));
    if (!impl->transformation)
        return Error{ErrorCode::TransformFailed, "cannot normalise axis order: " + contextError(context), {}};
    return CrsTransformer(std::move(impl), identity);
}

Result<bool> CrsTransformer::transform(std::span<double> xs, std::span<double> ys) const
{
    if (xs.size() != ys.size())
        return Error{ErrorCode::InvalidArgument, "x and y arrays differ in length", {}};
    if (mIdentity || xs.empty())
        return true;
    proj_errno_reset(mImpl->transformation.get());
    proj_trans_generic(mImpl->transformation.get(), PJ_FWD, xs.data(), sizeof(double), xs.size(), ys.data(),
                       sizeof(double), ys.size(), nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < xs.size(); ++i)
    {
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i]) || xs[i] == HUGE_VAL || ys[i] == HUGE_VAL)
            return Error{ErrorCode::TransformFailed,
                         "point " + std::to_string(i) +
                             " could not be transformed: " + contextError(mImpl->context.get()),
                         {}};
    }
    return true;
}

Result<bool> CrsTransformer::transform(double& x, double& y) const
{
    return transform(std::span<double>(&x, 1), std::span<double>(&y, 1));
}

std::optional<Extent> areaOfUse(const std::string& crsDefinition)
{
    ContextPtr context = makeContext();
    PjPtr crs = makeCrs(context.get(), crsDefinition);
    double west = 0, south = 0, east = 0, north = 0;
    if (!crs || !proj_get_area_of_use(context.get(), crs.get(), &west, &south, &east, &north, nullptr) ||
        west == -1000.0)
        return std::nullopt;
    Extent extent;
    extent.include(west, south);
    extent.include(east, north);
    return extent;
}

std::string identifyEpsg(const std::string& crsDefinition)
{
    ContextPtr context = makeContext();
    PjPtr crs = makeCrs(context.get(), crsDefinition);
    if (!crs)
        return {};
    const char* authority = proj_get_id_auth_name(crs.get(), 0);
    const char* code = proj_get_id_code(crs.get(), 0);
    if (authority && code && std::string(authority) == "EPSG")
        return std::string("EPSG:") + code;

    int* confidences = nullptr;
    PJ_OBJ_LIST* matches = proj_identify(context.get(), crs.get(), "EPSG", nullptr, &confidences);
    std::string result;
    if (matches && proj_list_get_count(matches) > 0 && confidences && confidences[0] >= 70)
    {
        PjPtr best(proj_list_get(context.get(), matches, 0));
        const char* bestCode = best ? proj_get_id_code(best.get(), 0) : nullptr;
        if (bestCode)
            result = std::string("EPSG:") + bestCode;
    }
    proj_int_list_destroy(confidences);
    proj_list_destroy(matches);
    return result;
}

} // namespace citytwin::data
