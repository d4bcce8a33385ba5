-- Output statements (D-60 … D-65) and declarations (D-40 … D-56). Commands check first for the
-- friendly 422; the constraints below hold the rules under a race (Q-10).

-- D-60: one lead provider, one cohort, one calendar month of January, April, August, November.
CREATE TABLE statements (
  id uuid PRIMARY KEY,
  lead_provider_id uuid NOT NULL REFERENCES lead_providers (id),
  cohort_year integer NOT NULL REFERENCES cohorts (year),
  year integer NOT NULL,
  month integer NOT NULL CONSTRAINT statements_d60_output_months CHECK (month IN (1, 4, 8, 11)),
  cut_off_date date NOT NULL,
  payment_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CONSTRAINT statements_d61_status CHECK (status IN ('open', 'payable', 'paid')),
  marked_as_paid_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT statements_d60_one_per_month UNIQUE (lead_provider_id, cohort_year, year, month),
  CONSTRAINT statements_d82_payment_after_cut_off CHECK (payment_date > cut_off_date),
  CONSTRAINT statements_d85_paid_when_marked CHECK ((status = 'paid') = (marked_as_paid_at IS NOT NULL)),
  -- Lets a declaration's statements be required to belong to its own lead provider.
  CONSTRAINT statements_d63_key_for_declarations UNIQUE (id, lead_provider_id)
);
CREATE INDEX statements_d63_attachable ON statements (lead_provider_id, cohort_year, cut_off_date) WHERE status = 'open';
CREATE INDEX statements_by_payment_date ON statements (lead_provider_id, payment_date, id);

-- D-61: open → payable → paid, never backwards.
CREATE FUNCTION d61_statement_status_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> OLD.status AND NOT (
       (OLD.status = 'open' AND NEW.status = 'payable') OR (OLD.status = 'payable' AND NEW.status = 'paid')) THEN
    RAISE EXCEPTION 'statement % cannot move from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = 'statements_d61_status_forward';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER statements_d61_status_forward BEFORE UPDATE OF status ON statements
  FOR EACH ROW EXECUTE FUNCTION d61_statement_status_forward();

-- The key a declaration copies from its training period: teacher and role for the D-47 index,
-- lead provider so that its statements are that lead provider's.
ALTER TABLE training_periods ADD CONSTRAINT training_periods_d47_key_for_declarations
  UNIQUE (id, teacher_id, role, lead_provider_id);

-- D-41: a payment status and a clawback status; the wire `state` is derived from the two.
CREATE TABLE declarations (
  id uuid PRIMARY KEY,
  training_period_id uuid NOT NULL,
  teacher_id uuid NOT NULL,
  role text NOT NULL,
  lead_provider_id uuid NOT NULL,
  declaration_type text NOT NULL CONSTRAINT declarations_d40_type CHECK (declaration_type IN (
    'started', 'retained-1', 'retained-2', 'retained-3', 'retained-4', 'completed',
    'extended-1', 'extended-2', 'extended-3')),
  declaration_date timestamptz NOT NULL,
  evidence_held text CONSTRAINT declarations_d45_evidence CHECK (evidence_held IN (
    'training-event-attended', 'self-study-material-completed', 'materials-engaged-with-offline',
    '75-percent-engagement-met', '75-percent-engagement-met-reduced-induction', 'one-term-induction', 'other')),
  -- D-48: recorded at creation, never changed afterwards.
  mentor_teacher_id uuid REFERENCES teachers (id),
  delivery_partner_id uuid NOT NULL REFERENCES delivery_partners (id),
  pupil_premium_uplift boolean NOT NULL,
  sparsity_uplift boolean NOT NULL,
  payment_status text NOT NULL CONSTRAINT declarations_d41_payment_status CHECK (
    payment_status IN ('submitted', 'eligible', 'payable', 'paid', 'voided')),
  clawback_status text NOT NULL DEFAULT 'none' CONSTRAINT declarations_d41_clawback_status CHECK (
    clawback_status IN ('none', 'awaiting-clawback', 'clawed-back')),
  -- D-63: the payment statement; kept when voided (D-51), shown as null then.
  statement_id uuid,
  clawback_statement_id uuid,
  voided_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT declarations_r5_on_its_training_period FOREIGN KEY (training_period_id, teacher_id, role, lead_provider_id)
    REFERENCES training_periods (id, teacher_id, role, lead_provider_id),
  CONSTRAINT declarations_d63_payment_statement_of_its_lead_provider FOREIGN KEY (statement_id, lead_provider_id)
    REFERENCES statements (id, lead_provider_id),
  CONSTRAINT declarations_d63_clawback_statement_of_its_lead_provider FOREIGN KEY (clawback_statement_id, lead_provider_id)
    REFERENCES statements (id, lead_provider_id),
  CONSTRAINT declarations_d42_submitted_has_no_statement CHECK (payment_status <> 'submitted' OR statement_id IS NULL),
  CONSTRAINT declarations_d42_attached_when_eligible CHECK (
    payment_status NOT IN ('eligible', 'payable', 'paid') OR statement_id IS NOT NULL),
  CONSTRAINT declarations_d42_clawback_of_paid CHECK (
    clawback_status = 'none' OR (payment_status = 'paid' AND clawback_statement_id IS NOT NULL)),
  CONSTRAINT declarations_d42_clawback_statement_only_for_clawback CHECK (
    clawback_status <> 'none' OR clawback_statement_id IS NULL),
  CONSTRAINT declarations_d42_voided_at CHECK ((payment_status = 'voided') = (voided_at IS NOT NULL))
);

-- D-47: per teacher and role, one billable-or-changeable declaration of each type, across every
-- lead provider and training period; voided and clawed-back ones free the slot.
CREATE UNIQUE INDEX declarations_d47_one_billable_per_type ON declarations (teacher_id, role, declaration_type)
  WHERE payment_status <> 'voided' AND clawback_status = 'none';

CREATE INDEX declarations_by_lead_provider ON declarations (lead_provider_id, created_at, id);
CREATE INDEX declarations_by_teacher ON declarations (teacher_id, role);
CREATE INDEX declarations_by_training_period ON declarations (training_period_id);
CREATE INDEX declarations_by_statement ON declarations (statement_id) WHERE statement_id IS NOT NULL;
CREATE INDEX declarations_by_clawback_statement ON declarations (clawback_statement_id) WHERE clawback_statement_id IS NOT NULL;

-- D-42: the only transitions. Payment: submitted → eligible → payable → paid, and submitted,
-- eligible or payable → voided. Clawback (of a paid one): none → awaiting-clawback → clawed-back.
CREATE FUNCTION d42_declaration_transitions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.payment_status <> OLD.payment_status AND NOT (
       (OLD.payment_status = 'submitted' AND NEW.payment_status IN ('eligible', 'voided'))
    OR (OLD.payment_status = 'eligible' AND NEW.payment_status IN ('payable', 'voided'))
    OR (OLD.payment_status = 'payable' AND NEW.payment_status IN ('paid', 'voided'))) THEN
    RAISE EXCEPTION 'declaration % cannot move from % to %', OLD.id, OLD.payment_status, NEW.payment_status
      USING ERRCODE = '23514', CONSTRAINT = 'declarations_d42_transitions';
  END IF;
  IF NEW.clawback_status <> OLD.clawback_status AND NOT (
       (OLD.clawback_status = 'none' AND NEW.clawback_status = 'awaiting-clawback')
    OR (OLD.clawback_status = 'awaiting-clawback' AND NEW.clawback_status = 'clawed-back')) THEN
    RAISE EXCEPTION 'declaration % cannot move from % to %', OLD.id, OLD.clawback_status, NEW.clawback_status
      USING ERRCODE = '23514', CONSTRAINT = 'declarations_d42_transitions';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER declarations_d42_transitions BEFORE UPDATE ON declarations
  FOR EACH ROW EXECUTE FUNCTION d42_declaration_transitions();
