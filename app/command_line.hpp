#pragma once

namespace citytwin::app
{

/// Runs the citytwin executable: with no verb the desktop application, else the verb
/// (`citytwin render ...`). Returns the process exit status.
int runCityTwin(int argc, char** argv);

} // namespace citytwin::app
