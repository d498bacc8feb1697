// The ProjectionSink of the SQLite store: turns each projection fact into a
// row of a `p_` table, staged to be written later (by the import's writer
// thread, or at once by rebuild_projections()).
//
// Because rows are written later, an event about an earlier event cannot look
// the earlier one up in `p_ids`: the persons of every id defined through this
// sink are kept in memory (bounded by the ids defined, like the parser's own
// tables), and ids defined before it are asked of `stored`.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "chronology/projection_sink.h"
#include "feed/resolved_ids.h"
#include "store/sqlite/involvement_set.h"
#include "store/sqlite/staged_rows.h"

namespace sightline::sqlite {

using EventPersons = std::vector<std::pair<Id, std::string>>;

class ProjectionRows final : public ProjectionSink {
 public:
  // `stored` gives the persons of an event id defined before this sink was
  // made (empty when there are none to ask about).
  ProjectionRows(StagedRows& out, std::function<EventPersons(const Id&)> stored);

  void person_named(const FactSource& src, const Id& person, std::string_view field) override;
  void agency_involved(const FactSource& src, const Id& person, const Id& agency) override;
  void person_defined(const FactSource& src, const Id& person) override;
  void person_details(const FactSource& src, const Id& person, const PersonEvent& d) override;
  void id_defined(const FactSource& src, const Id& id, const IdInfo& info,
                  const EventPersons& persons) override;
  void agency(const FactSource& src, const Id& id, const AgencyEvent& a) override;
  void relation(const FactSource& src, const Id& child, const Id& relative,
                RelationshipRole role) override;
  void address(const FactSource& src, const Id& person, const Address& a,
               AddressNotice notice) override;
  void whereabouts(const FactSource& src, const Id& person, Whereabouts state,
                   std::string_view detail) override;
  void life_event(const FactSource& src, const Id& person, LifeEvent what, Date when) override;
  EventPersons persons_of_event(const Id& event_id) override;

  // The numbers the import's parser gave the ids of the line whose event is
  // projected next (FeedParser::resolved_ids()), so that its facts need not
  // look the ids up again; empty when there are none. Numbers from more than
  // one parser are never used together: only the first source's are used.
  void set_line_ids(const ResolvedIds& ids) { line_ids_ = ids; }

 private:
  // The parser's numbers for a person and an agency of the current line,
  // when it numbered both.
  bool numbered(const Id& person, const Id& agency, std::uint32_t& person_number,
                std::uint32_t& agency_number);

  // Adds seq, at, recorded, recorded_s.
  static RowBlock& add_source(RowBlock& row, const FactSource& src);

  StagedRows& out_;
  std::function<EventPersons(const Id&)> stored_;
  std::unordered_map<Id, EventPersons> defined_;
  InvolvementSet involved_;  // the pairs already staged for p_involvement
  ResolvedIds line_ids_;
  const void* numbering_ = nullptr;  // the parser whose numbers involved_ holds
};

}  // namespace sightline::sqlite
