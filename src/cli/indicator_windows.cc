#include "cli/indicator_windows.h"

#include <memory>

#include "safeguards/catalogue.h"

namespace sightline::cli {

IndicatorWindowsOfArea indicator_windows(const safeguards::SafeguardsConfig& config) {
  auto kept = std::make_shared<const safeguards::SafeguardsConfig>(config);
  const std::size_t first = config.offset(safeguards::kIndicatorSection);
  return [kept, first](std::string_view area) {
    const std::vector<int>& table = kept->table(area);
    return IndicatorWindows{table.at(first + safeguards::kTransienceDays),
                            table.at(first + safeguards::kNonCooperationDays),
                            table.at(first + safeguards::kMissedAppointmentsDays)};
  };
}

}  // namespace sightline::cli
