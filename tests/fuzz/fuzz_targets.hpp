#pragma once
// The entry functions of the libFuzzer targets (one per fuzz_<target>.cpp): each takes one input as the user's file
// would hold it, runs it through the data layer's public readers, checks what must hold of a successful read, and
// says whether the input was accepted. The fuzzers call them; test_fuzz_inputs replays the corpus through them.

#include <string_view>

namespace citytwin::fuzz
{
enum class Outcome
{
    Refused,  ///< the reader returned an error (or, for an import, imported no row)
    Accepted, ///< the reader returned a value
};

Outcome incidentImport(std::string_view input);
Outcome filterJson(std::string_view input);
Outcome gpkgGeometry(std::string_view input);
Outcome obliqueMetadata(std::string_view input);
Outcome tileset(std::string_view input);
Outcome reportTemplate(std::string_view input);
Outcome tileContent(std::string_view input);
} // namespace citytwin::fuzz
