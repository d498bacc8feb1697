// The dashboard's figures' reads (store/figures_store.h) over a SQLite store:
// its own connection to the file, read only.
#pragma once

#include <memory>
#include <string>

#include "store/figures_store.h"
#include "store/stored_event_reader.h"

namespace sightline::sqlite {

class Connection;

class SqliteFiguresStore final : public FiguresStore {
 public:
  explicit SqliteFiguresStore(const std::string& db_path);
  ~SqliteFiguresStore() override;
  SqliteFiguresStore(const SqliteFiguresStore&) = delete;
  SqliteFiguresStore& operator=(const SqliteFiguresStore&) = delete;

  std::vector<Event> events_of_type(EventType type) override;
  std::map<Id, std::vector<Event>, std::less<>> events_about_each(
      std::span<const Id> persons, std::span<const EventType> types) override;
  std::optional<AgencyView> agency(const Id& id) override;
  std::vector<FigureAlert> alerts_of_rule(std::string_view rule) override;

 private:
  Event parse(const std::string& json, std::int64_t seq);

  std::unique_ptr<Connection> db_;
  StoredEventReader reader_;
};

}  // namespace sightline::sqlite
