#include "store/sqlite/projection_rows.h"

#include <nlohmann/json.hpp>

namespace sightline::sqlite {

ProjectionRows::ProjectionRows(StagedRows& out, std::function<EventPersons(const Id&)> stored)
    : out_(out), stored_(std::move(stored)) {}

RowBlock& ProjectionRows::add_source(RowBlock& row, const FactSource& src) {
  return row.add(src.seq)
      .add(src.at.to_string())
      .add(src.recorded.to_string())
      .add(src.recorded.instant());
}

void ProjectionRows::person_named(const FactSource& src, const Id& person, std::string_view field) {
  out_[Table::kEventPersons].add(person).add(src.seq).add(field).end_row();
}

bool ProjectionRows::numbered(const Id& person, const Id& agency, std::uint32_t& person_number,
                              std::uint32_t& agency_number) {
  if (line_ids_.source == nullptr) return false;
  if (numbering_ == nullptr) numbering_ = line_ids_.source;
  if (numbering_ != line_ids_.source) return false;
  const ResolvedId* p = line_ids_.find(IdSpace::kPerson, person);
  const ResolvedId* a = p ? line_ids_.find(IdSpace::kAgency, agency) : nullptr;
  if (a == nullptr) return false;
  person_number = p->number;
  agency_number = a->number;
  return true;
}

void ProjectionRows::agency_involved(const FactSource& src, const Id& person, const Id& agency) {
  // Keyed on (person, agency): the first event to involve the agency is the
  // one kept, here for this import and by INSERT OR IGNORE against earlier ones.
  std::uint32_t person_number = 0;
  std::uint32_t agency_number = 0;
  const bool added = numbered(person, agency, person_number, agency_number)
                         ? involved_.add_numbered(person_number, agency_number)
                         : involved_.add(person, agency);
  if (!added) return;
  out_[Table::kInvolvement].add(person).add(agency).add(src.seq).end_row();
}

void ProjectionRows::person_defined(const FactSource& src, const Id& person) {
  out_[Table::kPersons].add(person).add(src.seq).add(src.recorded.instant()).end_row();
}

void ProjectionRows::person_details(const FactSource& src, const Id& person, const PersonEvent& d) {
  RowBlock& row = out_[Table::kPersonDetails];
  add_source(row.add(person), src);
  row.add_text_or_null(d.given).add_text_or_null(d.family);
  if (d.dob) {
    row.add(d.dob->to_string());
  } else {
    row.add_null();
  }
  if (d.sex) {
    row.add(to_string(*d.sex));
  } else {
    row.add_null();
  }
  row.add_text_or_null(d.nhs_number).add_text_or_null(d.nationality).add_text_or_null(d.language);
  if (d.interpreter) {
    row.add(std::int64_t{*d.interpreter});
  } else {
    row.add_null();
  }
  if (!d.aliases.empty()) {
    row.add(nlohmann::json(d.aliases).dump());
  } else {
    row.add_null();
  }
  row.end_row();
}

void ProjectionRows::id_defined(const FactSource& src, const Id& id, const IdInfo& info,
                                const EventPersons& persons) {
  RowBlock& row = out_[Table::kIds];
  row.add(id).add(std::int64_t{static_cast<int>(info.kind)});
  row.add(std::int64_t{static_cast<int>(info.defined_by)});
  if (info.assessment_kind) {
    row.add(std::int64_t{static_cast<int>(*info.assessment_kind)});
  } else {
    row.add_null();
  }
  if (info.agency_kind) {
    row.add(std::int64_t{static_cast<int>(*info.agency_kind)});
  } else {
    row.add_null();
  }
  row.add(src.seq);
  if (!persons.empty()) {
    row.add(nlohmann::json(persons).dump());
  } else {
    row.add_null();
  }
  row.end_row();
  defined_.try_emplace(id, persons);  // the first definition stands, as in p_ids
}

void ProjectionRows::agency(const FactSource& src, const Id& id, const AgencyEvent& a) {
  RowBlock& row = out_[Table::kAgencies];
  row.add(id).add(a.name).add(to_string(a.kind)).add(a.area);
  if (a.parent) {
    row.add(*a.parent);
  } else {
    row.add_null();
  }
  row.add(src.seq).end_row();
}

void ProjectionRows::relation(const FactSource& src, const Id& child, const Id& relative,
                              RelationshipRole role) {
  out_[Table::kRelations]
      .add(child)
      .add(src.seq)
      .add(relative)
      .add(to_string(role))
      .add(src.at.to_string())
      .add(src.recorded.to_string())
      .add(src.recorded.instant())
      .end_row();
}

void ProjectionRows::address(const FactSource& src, const Id& person, const Address& a,
                             AddressNotice notice) {
  RowBlock& row = out_[Table::kAddresses];
  add_source(row.add(person), src);
  row.add_text_or_null(a.line1).add_text_or_null(a.line2).add_text_or_null(a.town);
  row.add_text_or_null(a.postcode).add_text_or_null(a.area);
  row.add(to_string(a.kind)).add(to_string(notice)).end_row();
}

void ProjectionRows::whereabouts(const FactSource& src, const Id& person, Whereabouts state,
                                 std::string_view detail) {
  RowBlock& row = out_[Table::kWhereabouts];
  add_source(row.add(person), src);
  row.add(to_string(state)).add(detail).end_row();
}

void ProjectionRows::life_event(const FactSource& src, const Id& person, LifeEvent what,
                                Date when) {
  out_[Table::kLifeEvents]
      .add(person)
      .add(src.seq)
      .add(to_string(what))
      .add(when.to_string())
      .add(src.recorded.instant())
      .end_row();
}

EventPersons ProjectionRows::persons_of_event(const Id& event_id) {
  if (const auto it = defined_.find(event_id); it != defined_.end()) return it->second;
  return stored_ ? stored_(event_id) : EventPersons{};
}

}  // namespace sightline::sqlite
