// What the differential test's feeds promise beyond validity: only what real
// agencies would send (feed_generator.h). The reducer drops lines from a
// generated feed and keeps a smaller feed only if it still keeps these
// promises, so that a reduced case is one an agency could have sent.
#pragma once

#include <string>
#include <vector>

namespace sightline::safeguards::differential {

// Whether `lines` (a valid events-v1 feed) keeps the promises: a transfer is
// accepted or declined only by its receiver; only health visiting sets an HV
// level; only children's social care starts, completes or concludes an
// assessment, convenes a strategy discussion or conference, or starts or ends
// a plan; a contact sees the child only with outcome `seen`; no registration,
// deregistration, address, contact, sighting, level, whereabouts, missing,
// found, claim or death names an unborn child, and no transfer is accepted
// with an unborn child seen; nothing names a child after its death. On false,
// `why` (if given) says which line broke which promise.
bool keeps_promises(const std::vector<std::string>& lines, std::string* why = nullptr);

}  // namespace sightline::safeguards::differential
