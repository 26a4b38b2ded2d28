#pragma once

#include <memory>

#include <proj.h>

namespace citytwin::data
{

/// Destroys a PROJ context (one per thread, never shared).
struct ProjContextDeleter
{
    void operator()(PJ_CONTEXT* context) const { proj_context_destroy(context); }
};
/// Destroys a PROJ object (CRS, operation).
struct PjDeleter
{
    void operator()(PJ* pj) const { proj_destroy(pj); }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

/// Returns a new PROJ context for the calling thread.
inline ProjContextPtr makeProjContext()
{
    return ProjContextPtr(proj_context_create());
}

} // namespace citytwin::data
