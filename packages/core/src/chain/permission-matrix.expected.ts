// The reviewed expectation of who may do what, written by hand from the design (docs/review-chain.en.md), the issue
// and docs/security.md T20 — independently of permission-table.ts, in a different form. The
// permission-matrix test checks every role × command × level × state × relation cell of
// the implementation against it. Anything not listed is denied.
//
// Columns: command | levels | states (or `new`) | grants
// Grants: `enterprise` = owner of the hazard's enterprise; `grid` = grid inspector whose
// area contains the hazard; `enforcement` = officer whose department supervises the
// hazard's domain and covers its area; `system` = scheduler/sensor.
// Modifiers: `!reporter` (not the reporter), `!rectifier` (never submitted a rectification
// or plan for it), `up` (target level not below the current one).
export const EXPECTED_PERMISSIONS = `
report               | simple general major | new                                                | enterprise grid enforcement system
report_observation   | simple general major | new                                                | grid enforcement
reclassify           | simple general       | reported                                           | enterprise:up grid enforcement
reclassify           | simple general       | rectifying submitted escalated                     | grid enforcement
reclassify           | major                | reported rectifying submitted escalated case_filed | enforcement
reclassify           | simple general       | case_filed                                         | enforcement
confirm_level        | simple general major | reported rectifying submitted verified escalated case_filed accepted | enforcement
issue_notice         | simple general       | reported escalated                                 | grid enforcement
issue_notice         | simple general       | case_filed                                         | enforcement
submit_rectification | simple general       | reported rectifying escalated                      | enterprise
submit_rectification | major                | rectifying                                         | enterprise
verify               | simple general       | submitted                                          | grid:!rectifier enforcement:!rectifier
reject               | simple general       | submitted                                          | grid enforcement
reject               | major                | submitted                                          | enforcement
request_extension    | general major        | rectifying                                         | enterprise
grant_extension      | general              | rectifying                                         | grid enforcement
grant_extension      | major                | rectifying                                         | enforcement
deny_extension       | general              | rectifying                                         | grid enforcement
deny_extension       | major                | rectifying                                         | enforcement
escalate             | simple general       | reported rectifying                                | grid system
escalate             | major                | reported                                           | enterprise grid system
file_case            | simple general major | escalated                                          | enforcement
file_case            | general major        | reported                                           | enforcement
list_for_supervision | major                | case_filed rectifying submitted                    | enforcement
submit_plan          | major                | case_filed rectifying                              | enterprise
approve_plan         | major                | rectifying                                         | enforcement:!rectifier
order_stop_work      | major                | case_filed rectifying submitted                    | enforcement
accept               | major                | submitted                                          | enforcement:!reporter:!rectifier
close                | simple general       | verified                                           | grid:!rectifier enforcement:!rectifier
close                | major                | accepted                                           | enforcement:!reporter:!rectifier
lift_stop_work       | major                | accepted closed                                    | enforcement:!rectifier
delist               | major                | closed                                             | enforcement:!rectifier
reopen               | simple general       | closed                                             | grid enforcement
reopen               | major                | closed                                             | enforcement
spot_check           | simple general       | closed                                             | grid enforcement
spot_check           | major                | closed                                             | enforcement
warn_due_soon        | simple general major | reported rectifying                                | system
notice_overdue       | simple general major | reported rectifying                                | system
notify_penalty       | simple general major | case_filed rectifying submitted verified accepted closed | enforcement
record_statement     | simple general major | case_filed rectifying submitted verified accepted closed | enterprise enforcement
record_hearing       | simple general major | case_filed rectifying submitted verified accepted closed | enforcement
withdraw_hearing     | simple general major | case_filed rectifying submitted verified accepted closed | enterprise
decide_penalty       | simple general major | case_filed rectifying submitted verified accepted closed | enforcement
`;

// Two-officer acts (《行政处罚法》第四十二条：执法人员不得少于两人), written by hand from the issue:
// command | levels of the hazard | target levels (reclassify / confirm_level), or `any`.
// Each needs `coOfficerId`: another enforcement officer of the hazard's domain and area, both
// with a certificate number; anywhere else a co-officer is neither needed nor recorded.
// "Needs" means named, checked against the directory and confirmed by him on the act (coSignerId:
// his own credential; docs/decisions/002-review-chain.md, addendum) — each cell is checked both ways.
export const EXPECTED_TWO_OFFICER_ACTS = `
file_case            | simple general major | any
list_for_supervision | major                | any
order_stop_work      | major                | any
accept               | major                | any
close                | major                | any
lift_stop_work       | major                | any
delist               | major                | any
notify_penalty       | simple general major | any
decide_penalty       | simple general major | any
reclassify           | major                | simple general
confirm_level        | major                | simple general
`;
