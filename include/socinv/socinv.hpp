#pragma once
// socinv: evaluating municipal social investments. Include this for everything.

#include "socinv/core/allocation.hpp"
#include "socinv/core/date.hpp"
#include "socinv/core/error.hpp"
#include "socinv/core/money.hpp"
#include "socinv/core/money_format.hpp"
#include "socinv/core/period.hpp"
#include "socinv/core/text.hpp"

#include "socinv/application/application.hpp"
#include "socinv/application/criterion.hpp"
#include "socinv/application/party.hpp"

#include "socinv/economics/cash_flow.hpp"
#include "socinv/economics/cash_flow_batch.hpp"
#include "socinv/economics/cost_model.hpp"
#include "socinv/economics/day_count.hpp"
#include "socinv/economics/discount_schedule.hpp"
#include "socinv/economics/distribution.hpp"
#include "socinv/economics/exclusion_cost.hpp"
#include "socinv/economics/irr.hpp"
#include "socinv/economics/monte_carlo.hpp"
#include "socinv/economics/normal_ziggurat.hpp"
#include "socinv/economics/random.hpp"
#include "socinv/economics/sampler.hpp"
#include "socinv/economics/xnpv.hpp"

#include "socinv/rules/assessment.hpp"
#include "socinv/rules/batch.hpp"
#include "socinv/rules/builtin_rule_sets.hpp"
#include "socinv/rules/checklist.hpp"
#include "socinv/rules/eligibility.hpp"
#include "socinv/rules/finding.hpp"
#include "socinv/rules/rule_set.hpp"

#include "socinv/io/application_json.hpp"
#include "socinv/io/assessment_json.hpp"
#include "socinv/io/economic_result_json.hpp"
#include "socinv/io/economics_json.hpp"
#include "socinv/io/fund_json.hpp"
#include "socinv/io/json_reader.hpp"
#include "socinv/io/load.hpp"
#include "socinv/io/read.hpp"
#include "socinv/io/rule_set_json.hpp"
#include "socinv/io/atomic_file.hpp"
#include "socinv/io/ledger_json.hpp"
#include "socinv/io/nesting.hpp"
#include "socinv/io/transfer_json.hpp"

#include "socinv/transfer/agreement.hpp"
#include "socinv/transfer/fund_simulation.hpp"
#include "socinv/transfer/ledger.hpp"
#include "socinv/transfer/schedule.hpp"

#include "socinv/report/format.hpp"
#include "socinv/report/ledger_text.hpp"
#include "socinv/report/text_report.hpp"

#define SOCINV_VERSION_MAJOR 0
#define SOCINV_VERSION_MINOR 1
#define SOCINV_VERSION_PATCH 0
