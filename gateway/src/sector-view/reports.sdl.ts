/** The sector view's own root fields and result types: dashboards and cross-department checks. */
export const REPORTS_SDL = /* GraphQL */ `
type Household @key(fields: "id", resolvable: false) {
  id: HouseholdId!
}

type Query {
  """
  Households of a region that may start the exit procedure in a year: those in poverty (register)
  whose predicates are all met. Each department answers "which households of the region fail my
  predicate" in one SQL statement; the sector view subtracts. Nothing is copied.
  """
  exitReadiness(regionPrefix: String!, year: Int!): ExitReadiness!

  """Per duty area and region: households in need, covered and in gap, from each lead department's own SQL."""
  areaCoverage(regionPrefix: String!, year: Int!, groupBy: RegionGrouping = TOWN): [AreaCoverageRow!]!

  """Every department's measures summed per region, area, role and programme."""
  measureTotals(regionPrefix: String!, year: Int!, groupBy: RegionGrouping = TOWN): [MeasureTotal!]!

  """Equal treatment (seed 003): coverage per duty area in poor villages against non-poor villages of a region."""
  equalTreatment(regionPrefix: String!, year: Int!): [EqualTreatmentRow!]!

  """
  两线合一: the civil-affairs safety-net roster on a date against the register's welfare category, both
  ways, at household and person level, and roster households missing from the register.
  """
  safetyNetReconciliation(regionPrefix: String!, on: LocalDate!, issues: [ReconciliationIssue!], first: Int = 100, after: String): ReconciliationPage!

  """两线合一: counties whose rural dibao line (civil affairs) is below the year's poverty line (poverty office)."""
  dibaoLineCheck(regionPrefix: String!, year: Int!, onlyBelow: Boolean = false): [DibaoLineCheck!]!
}

type Subscription {
  """
  Households of a region whose sector assistance view changed, whichever department wrote: select
  \`household { assistance(year: …) { … } }\` to get the new view with each event. Changes to one
  household that a slow client has not yet received are merged into one event.
  A refused subscription (a region outside your scope) sends one event, null with the error.
  """
  assistanceChanged(regionPrefix: String): AssistanceChange
}

type AssistanceChange {
  householdId: HouseholdId!
  household: Household!
  """The departments whose records changed (duty-matrix codes in their own order)."""
  departments: [String!]!
  """The record types that changed, e.g. DibaoEnrolment, DwellingAppraisal."""
  records: [String!]!
  """When the latest of the merged changes happened (ISO 8601)."""
  at: String!
  """How many households' changes were dropped for this subscriber before this one (a slow client, or an upstream gap): re-query when it is not 0."""
  missed: Int!
}

type ExitReadiness {
  regionPrefix: String!
  year: Int!
  """Households in poverty (not exited, or returned) at the end of the year: those the exit rule applies to."""
  householdsInPoverty: Int
  exitReady: Int
  blocked: Int
  """True when the counts are withheld (null): the cell has 1 to 4 households (analyst and dashboard roles)."""
  suppressed: Boolean!
  """Households in poverty failing each predicate (a household may fail several)."""
  blockedBy: [PredicateCount!]!
  """Predicates of the rule no department answered for the region; exitReady counts them as met."""
  unassessedPredicates: [String!]!
  """The exit-ready households, in ID order."""
  exitReadyHouseholds(first: Int = 100, after: HouseholdId): HouseholdPage!
}

type PredicateCount {
  predicate: String!
  department: String!
  households: Int
  """True when the counts are withheld (null): the cell has 1 to 4 households (analyst and dashboard roles)."""
  suppressed: Boolean!
}

type HouseholdPage {
  households: [Household!]!
  totalCount: Int!
  hasNextPage: Boolean!
  endCursor: String
}

type AreaCoverageRow {
  regionCode: String!
  area: DutyAreaCode!
  """False when no lead has a subgraph: then the counts are null (LEAD_NOT_FEDERATED)."""
  leadFederated: Boolean!
  department: String
  inNeed: Int
  covered: Int
  gap: Int
  shareCovered: Float
  """True when the counts are withheld (null): the cell has 1 to 4 households (analyst and dashboard roles)."""
  suppressed: Boolean!
}

type CoverageShare {
  villages: Int!
  inNeed: Int
  covered: Int
  gap: Int
  shareCovered: Float
  """True when the counts are withheld (null): the cell has 1 to 4 households (analyst and dashboard roles)."""
  suppressed: Boolean!
}

type EqualTreatmentRow {
  area: DutyAreaCode!
  poorVillages: CoverageShare!
  otherVillages: CoverageShare!
  """poorVillages.shareCovered minus otherVillages.shareCovered (null when either has no need)."""
  difference: Float
}

enum ReconciliationIssue {
  """The register's welfare category says dibao (or destitute support); the roster has no such enrolment."""
  REGISTER_CATEGORY_NOT_IN_ROSTER
  """The roster has the enrolment; the register's welfare category does not say so."""
  ROSTER_NOT_IN_REGISTER_CATEGORY
  """A roster household the register does not hold at all: a candidate for 应扶尽扶."""
  ROSTER_HOUSEHOLD_NOT_IN_REGISTER
  """Persons the roster covers who are not active members of the register household."""
  PERSON_IN_ROSTER_NOT_REGISTER_MEMBER
  """Active register members of a household whose category and roster agree, but whom the roster does not cover."""
  REGISTER_MEMBER_NOT_IN_ROSTER
}

type ReconciliationFinding {
  """The register's household, to select its fields; null when the register does not hold it."""
  household: Household
  householdId: HouseholdId!
  issue: ReconciliationIssue!
  """DIBAO or DESTITUTE."""
  programme: String!
  """The register's welfare category (null when the household is not registered)."""
  registerCategory: String
  rosterProgrammes: [String!]!
  """The persons concerned, for person-level issues."""
  personIds: [PersonId!]!
}

type IssueCount {
  issue: ReconciliationIssue!
  count: Int!
}

type ReconciliationPage {
  findings: [ReconciliationFinding!]!
  totalCount: Int!
  countsByIssue: [IssueCount!]!
  hasNextPage: Boolean!
  endCursor: String
}

type DibaoLineCheck {
  countyCode: String!
  year: Int!
  ruralDibaoLine: Money!
  povertyLine: Money!
  """How far the dibao line is below the poverty line (0 when it is not)."""
  shortfall: Money!
  below: Boolean!
}
`;
