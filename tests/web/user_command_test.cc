// `sightline user` as the real binary.
#include <gtest/gtest.h>

#include "../support/test_support.h"
#include "run_binary.h"

namespace sightline {
namespace {

using testing::run_sightline;
using testing::TempDir;

class UserCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto r =
        run_sightline({"import", testing::scenario("sofia.jsonl").string(), "--db", db()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string db() const { return dir_.file("s.db"); }
  TempDir dir_;
};

TEST_F(UserCommand, AddsListsDisablesAndResetsWithAnAuditTrail) {
  const auto added =
      run_sightline({"user", "add", "alice", "--db", db(), "--role", "safeguarding_lead",
                     "--agency", "ealing-csc", "--password-stdin"},
                    "a long enough passphrase\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out.find("Password:"), std::string::npos);

  const auto generated = run_sightline(
      {"user", "add", "bob", "--db", db(), "--role", "practitioner", "--agency", "ealing-hv"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const auto at = generated.out.find("Password: ");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(generated.out.substr(at + 10).size(), 25u);  // 24 characters and a newline

  EXPECT_EQ(run_sightline({"user", "disable", "bob", "--db", db()}).exit_code, 0);
  const auto list = run_sightline({"user", "list", "--db", db()});
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("alice"), std::string::npos);
  EXPECT_NE(list.out.find("safeguarding_lead"), std::string::npos);
  EXPECT_NE(list.out.find("disabled"), std::string::npos);

  const auto reset = run_sightline({"user", "reset", "bob", "--db", db()});
  EXPECT_EQ(reset.exit_code, 0) << reset.err;
  EXPECT_NE(reset.out.find("Password: "), std::string::npos);
  EXPECT_EQ(run_sightline({"user", "list", "--db", db()}).out.find("disabled"), std::string::npos);

  const auto verified = run_sightline({"audit", "verify", "--db", db()});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("intact: 5 records"), std::string::npos) << verified.out;
}

TEST_F(UserCommand, RefusesWhatCannotBeAnAccount) {
  struct Case {
    std::vector<std::string> args;
    std::string stdin_text;
    int exit_code;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"user", "add", "carol", "--db", db(), "--role", "wizard", "--agency", "ealing-hv"},
       "",
       2,
       "--role: expected"},
      {{"user", "add", "carol", "--db", db(), "--role", "manager", "--agency", "atlantis"},
       "",
       1,
       "no agency \"atlantis\""},
      {{"user", "add", "Carol!", "--db", db(), "--role", "manager", "--agency", "ealing-hv"},
       "",
       1,
       "a user name is"},
      {{"user", "add", "carol", "--db", db(), "--role", "manager", "--agency", "ealing-hv",
        "--password-stdin"},
       "short\n",
       1,
       "at least 12 characters"},
      {{"user", "disable", "nobody", "--db", db()}, "", 1, "no user \"nobody\""},
      {{"user", "frobnicate", "--db", db()}, "", 2, "unknown user command"},
      {{"user", "list", "--db", dir_.file("missing.db")}, "", 1, "no database"},
  };
  for (const Case& c : cases) {
    const auto r = run_sightline(c.args, c.stdin_text);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.says << ": " << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace sightline
