#pragma once

#include "data/incidents/incident_import.hpp"
#include "data/core/result.hpp"
#include "data/core/vector_layer.hpp"

#include <QCoreApplication>
#include <QString>

namespace citytwin::app
{

/// Turns data-layer errors into translated, one-line sentences for the user.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::ErrorText)
public:
    /// Returns "FILE: what went wrong (technical detail)".
    static QString describe(const data::Error& error);

    /// Returns the translated name of the reason an imported row was rejected.
    static QString rejectReason(data::RejectReason reason);

    /// Returns a translated sentence for a layer warning reported by the data layer.
    static QString describeWarning(const QString& layerName, const data::LayerWarning& warning);
};

} // namespace citytwin::app
