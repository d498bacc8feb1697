// A write transaction of the store, as one object (RAII).
//
// Everything written through one transaction becomes durable and visible
// together, on commit(), or not at all: a transaction destroyed before it
// committed is rolled back. Stores that keep rows which must commit together
// (an event, its audit record and the relationship it claims; an alert's
// acknowledgement and its audit record) take a Transaction& in the methods
// that write within one, so that the caller decides what commits with what.
//
// A transaction belongs to the store implementation that began it: a store
// handed a transaction of another implementation, or one that has ended,
// refuses it (std::logic_error). Use a transaction from one thread at a time.
#pragma once

namespace sightline {

class Transaction {
 public:
  Transaction() = default;
  virtual ~Transaction() = default;  // rolls back unless committed
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Makes everything written through the transaction durable, together, and
  // ends it. Throws StoreError when that fails: then nothing of it is stored.
  virtual void commit() = 0;
};

}  // namespace sightline
