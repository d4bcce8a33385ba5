// Generated from rect's /api/v3/openapi.json by openapi-typescript (npm run client). Do not edit.

export interface paths {
    "/api/v3/delivery-partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve multiple delivery partners */
        get: operations["getDeliveryPartners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/delivery-partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a single delivery partner */
        get: operations["getDeliveryPartner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/partnerships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve multiple partnerships */
        get: operations["getPartnerships"];
        put?: never;
        /** Create a partnership with a school and delivery partner */
        post: operations["createPartnership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/partnerships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a single partnership */
        get: operations["getPartnership"];
        /** Update the delivery partner for an existing partnership in a cohort */
        put: operations["updatePartnership"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/schools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve multiple schools scoped to cohort */
        get: operations["getSchools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/schools/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a single school scoped to cohort */
        get: operations["getSchool"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participants/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve all participants with transfers */
        get: operations["getTransfers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participants/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve transfers for a given participant */
        get: operations["getTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participant-declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve multiple declarations */
        get: operations["getDeclarations"];
        put?: never;
        /**
         * Declare a participant has reached a milestone
         * @description Creates a declaration and answers 200 with it. Not idempotent: sending the same declaration again (same participant, course, type and date, or a type the participant already has a billable declaration of) answers 422 and creates nothing, so a client that retries after a timeout should first look for the declaration with `GET /api/v3/participant-declarations?filter[participant_id]=…`.
         */
        post: operations["createDeclaration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participant-declarations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a single declaration */
        get: operations["getDeclaration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participant-declarations/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Void a declaration */
        put: operations["voidDeclaration"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve multiple financial statement details */
        get: operations["getStatements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a single financial statement details */
        get: operations["getStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the participants trained by the caller */
        get: operations["getParticipants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show one participant trained by the caller */
        get: operations["getParticipant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participants/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Notify that a participant has withdrawn from their course */
        put: operations["withdrawParticipant"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participants/{id}/defer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Notify that a participant is taking a break from their course */
        put: operations["deferParticipant"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participants/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Notify that a participant is resuming their course */
        put: operations["resumeParticipant"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/participants/{id}/change-schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Notify that a participant is changing training schedule */
        put: operations["changeScheduleParticipant"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/unfunded-mentors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve multiple unfunded mentors */
        get: operations["getUnfundedMentors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/unfunded-mentors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a single unfunded mentor */
        get: operations["getUnfundedMentor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A participant declaration. */
        Declaration: {
            /**
             * Format: uuid
             * @description The unique ID of the resource.
             * @example d0b4a32e-a272-489e-b30a-cb17131457fc
             */
            id: string;
            /**
             * @description The data type.
             * @example participant-declaration
             * @enum {string}
             */
            type: "participant-declaration";
            attributes: {
                /**
                 * Format: uuid
                 * @description The unique identifier of the participant.
                 * @example 7a8fef46-3c43-42c0-b3d5-1ba5904ba562
                 */
                participant_id: string;
                /**
                 * @description The event declaration type.
                 * @example started
                 * @enum {string}
                 */
                declaration_type: "started" | "retained-1" | "retained-2" | "retained-3" | "retained-4" | "completed" | "extended-1" | "extended-2" | "extended-3";
                /**
                 * @description The type of course the participant is enrolled in.
                 * @example ecf-induction
                 * @enum {string}
                 */
                course_identifier: "ecf-induction" | "ecf-mentor";
                /**
                 * Format: date-time
                 * @description The event declaration date.
                 * @example 2021-05-31T02:22:32.000Z
                 */
                declaration_date: string;
                /**
                 * Format: uuid
                 * @description Unique ID of the ECT’s mentor.
                 * @example 0c4e8a2f-6b1d-4f3e-9a7c-5d2b8e1f4a60
                 */
                mentor_id: string | null;
                /**
                 * @description Indicates the state of this payment declaration.
                 * @example submitted
                 * @enum {string}
                 */
                state: "submitted" | "eligible" | "payable" | "paid" | "voided" | "awaiting-clawback" | "clawed-back";
                /**
                 * Format: date-time
                 * @description The date the declaration was last updated.
                 * @example 2021-05-31T02:22:32.000Z
                 */
                updated_at: string;
                /**
                 * Format: date-time
                 * @description The date the declaration was created.
                 * @example 2021-05-31T02:22:32.000Z
                 */
                created_at: string;
                /**
                 * Format: uuid
                 * @description Unique ID of the delivery partner associated with the participant at the time the declaration was created.
                 * @example 9e35e998-c63a-4136-89c4-e9e18e72e887
                 */
                delivery_partner_id: string;
                /**
                 * Format: uuid
                 * @description Unique ID of the statement the declaration will be paid as part of.
                 * @example 45146ec2-594a-495a-bb02-8b2280a3deaf
                 */
                statement_id: string | null;
                /**
                 * Format: uuid
                 * @description Unique ID of the statement to which the declaration will be clawed back on, if any.
                 * @example e7d2a5c1-3f8b-4a6e-9c0d-2b1f7e4a8d36
                 */
                clawback_statement_id: string | null;
                /**
                 * @description If the declaration is ineligible, the reason why.
                 * @enum {string|null}
                 */
                ineligible_for_funding_reason: "duplicate_declaration" | null;
                /**
                 * @description If participant is eligible for uplift, whether it has been paid as part of this declaration.
                 * @example false
                 */
                uplift_paid: boolean;
                /**
                 * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                 * @example training-event-attended
                 * @enum {string|null}
                 */
                evidence_held: "training-event-attended" | "self-study-material-completed" | "materials-engaged-with-offline" | "75-percent-engagement-met" | "75-percent-engagement-met-reduced-induction" | "one-term-induction" | "other" | null;
                /**
                 * @description The name of the provider that submitted the declaration.
                 * @example Example Provider
                 */
                lead_provider_name: string;
            };
        };
        /** @description A participant declaration request */
        DeclarationCreateRequest: {
            data: {
                /** @enum {string} */
                type?: "participant-declaration";
                attributes?: {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example started
                     * @enum {string}
                     */
                    declaration_type: "started";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-induction" | "ecf-mentor";
                } | {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example retained-1
                     * @enum {string}
                     */
                    declaration_type: "retained-1" | "retained-2" | "retained-3" | "retained-4";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-induction" | "ecf-mentor";
                    /**
                     * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                     * @example training-event-attended
                     * @enum {string}
                     */
                    evidence_held: "training-event-attended" | "self-study-material-completed" | "other";
                } | {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example completed
                     * @enum {string}
                     */
                    declaration_type: "completed";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-induction" | "ecf-mentor";
                    /**
                     * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                     * @example training-event-attended
                     * @enum {string}
                     */
                    evidence_held: "training-event-attended" | "self-study-material-completed" | "other";
                } | {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example extended-1
                     * @enum {string}
                     */
                    declaration_type: "extended-1" | "extended-2" | "extended-3";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-induction" | "ecf-mentor";
                    /**
                     * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                     * @example training-event-attended
                     * @enum {string}
                     */
                    evidence_held: "training-event-attended" | "self-study-material-completed" | "other";
                };
            } | {
                /** @enum {string} */
                type?: "participant-declaration";
                attributes?: {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example started
                     * @enum {string}
                     */
                    declaration_type: "started";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-induction";
                    /**
                     * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                     * @example training-event-attended
                     * @enum {string}
                     */
                    evidence_held: "training-event-attended" | "self-study-material-completed" | "materials-engaged-with-offline" | "other";
                } | {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example retained-1
                     * @enum {string}
                     */
                    declaration_type: "retained-1" | "retained-2" | "retained-3" | "retained-4";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-induction";
                    /**
                     * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                     * @example training-event-attended
                     * @enum {string}
                     */
                    evidence_held: "training-event-attended" | "self-study-material-completed" | "materials-engaged-with-offline" | "other" | "75-percent-engagement-met" | "75-percent-engagement-met-reduced-induction";
                } | {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example completed
                     * @enum {string}
                     */
                    declaration_type: "completed";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-induction";
                    /**
                     * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                     * @example 75-percent-engagement-met
                     * @enum {string}
                     */
                    evidence_held: "75-percent-engagement-met" | "75-percent-engagement-met-reduced-induction" | "one-term-induction";
                } | {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example extended-1
                     * @enum {string}
                     */
                    declaration_type: "extended-1" | "extended-2" | "extended-3";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-induction";
                    /**
                     * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                     * @example training-event-attended
                     * @enum {string}
                     */
                    evidence_held: "training-event-attended" | "self-study-material-completed" | "materials-engaged-with-offline" | "other";
                };
            } | {
                /** @enum {string} */
                type?: "participant-declaration";
                attributes?: {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example started
                     * @enum {string}
                     */
                    declaration_type: "started";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-mentor
                     * @enum {string}
                     */
                    course_identifier: "ecf-mentor";
                    /**
                     * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                     * @example training-event-attended
                     * @enum {string}
                     */
                    evidence_held?: "training-event-attended" | "self-study-material-completed" | "materials-engaged-with-offline" | "other";
                } | {
                    /**
                     * Format: uuid
                     * @description The unique ID of the participant
                     * @example 3452b1a6-cbaa-422f-9ca9-40afa28583a2
                     */
                    participant_id: string;
                    /**
                     * @description The event declaration type
                     * @example completed
                     * @enum {string}
                     */
                    declaration_type: "completed";
                    /**
                     * Format: date-time
                     * @description The event declaration date
                     * @example 2021-05-31T02:21:32.000Z
                     */
                    declaration_date: string;
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-mentor
                     * @enum {string}
                     */
                    course_identifier: "ecf-mentor";
                    /**
                     * @description The type of evidence the lead provider holds on their platform to demonstrate the participant has met the retention criteria for the current milestone period.
                     * @example 75-percent-engagement-met
                     * @enum {string}
                     */
                    evidence_held: "75-percent-engagement-met" | "75-percent-engagement-met-reduced-induction";
                };
            };
        };
        /** @description A delivery partner. */
        DeliveryPartner: {
            /**
             * Format: uuid
             * @description The unique ID of the resource.
             * @example d0b4a32e-a272-489e-b30a-cb17131457fc
             */
            id: string;
            /**
             * @description The data type.
             * @example delivery-partner
             * @enum {string}
             */
            type: "delivery-partner";
            attributes: {
                /**
                 * @description The name of the delivery partner you are working with.
                 * @example Awesome Delivery Partner Ltd
                 */
                name: string;
                /**
                 * Format: date-time
                 * @description The date and time the delivery partner was created.
                 * @example 2025-06-20T09:14:03Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @description The date and time the delivery partner was last updated.
                 * @example 2025-06-20T09:14:03Z
                 */
                updated_at: string;
                /**
                 * @description The cohorts for which you may report school partnerships with this delivery partner.
                 * @example [
                 *       "2021",
                 *       "2022"
                 *     ]
                 */
                cohort: string[];
            };
        };
        /** @description A teacher trained by the caller in one or both roles. */
        Participant: {
            /**
             * Format: uuid
             * @description The unique ID of the resource.
             * @example d0b4a32e-a272-489e-b30a-cb17131457fc
             */
            id: string;
            /**
             * @description The data type.
             * @example participant
             * @enum {string}
             */
            type: "participant";
            attributes: {
                /**
                 * @description First and last name
                 * @example Amira Khan
                 */
                full_name: string;
                /**
                 * @description The TRN, 7 digits
                 * @example 3012345
                 */
                teacher_reference_number: string | null;
                ecf_enrolments: components["schemas"]["ParticipantECFEnrolment"][];
                participant_id_changes: components["schemas"]["ParticipantIDChange"][];
                /**
                 * Format: date-time
                 * @description When anything shown here last changed, by an action or by the date (R-38)
                 * @example 2025-06-20T09:14:03Z
                 */
                updated_at: string;
            };
        };
        ParticipantChangeScheduleRequest: {
            data: {
                /**
                 * @example participant-change-schedule
                 * @enum {string}
                 */
                type: "participant-change-schedule";
                /** @description A participant change schedule action */
                attributes: {
                    /**
                     * @description The new schedule of the participant
                     * @example ecf-extended-september
                     * @enum {string}
                     */
                    schedule_identifier: "ecf-standard-september" | "ecf-standard-january" | "ecf-standard-april" | "ecf-extended-september" | "ecf-extended-january" | "ecf-extended-april" | "ecf-reduced-september" | "ecf-reduced-january" | "ecf-reduced-april" | "ecf-replacement-september" | "ecf-replacement-january" | "ecf-replacement-april";
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-mentor" | "ecf-induction";
                    /**
                     * @description The cohort (call-off contract) that funds this participant's training; when absent, the participant's current cohort.
                     * @example 2025
                     */
                    cohort?: string;
                };
            };
        };
        ParticipantDeferRequest: {
            data: {
                /**
                 * @example participant-defer
                 * @enum {string}
                 */
                type: "participant-defer";
                /** @description A participant deferral action */
                attributes: {
                    /**
                     * @description The reason for the deferral
                     * @example bereavement
                     * @enum {string}
                     */
                    reason: "bereavement" | "long-term-sickness" | "parental-leave" | "career-break" | "other";
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-mentor" | "ecf-induction";
                };
            };
        };
        /** @description The training of one role with the calling lead provider */
        ParticipantECFEnrolment: {
            /**
             * Format: uuid
             * @description The training record id of this role; it never changes
             * @example 8226ad1e-28f6-433d-a7a1-e93bc4f75a58
             */
            training_record_id: string;
            /**
             * @description The email the school gave for this role
             * @example amira.khan@riverside.example.sch.uk
             */
            email: string;
            /**
             * Format: uuid
             * @description The participant id of the ECT's current or next mentor; null for mentors
             * @example 8226ad1e-28f6-433d-a7a1-e93bc4f75a58
             */
            mentor_id: string | null;
            /**
             * @description URN of the school of the partnership
             * @example 100002
             */
            school_urn: string;
            /**
             * @description The role of this enrolment
             * @example ect
             * @enum {string}
             */
            participant_type: "ect" | "mentor";
            /**
             * @description The ECT's working pattern at their latest school; null for mentors
             * @example full_time
             * @enum {string|null}
             */
            working_pattern: "full_time" | "part_time" | null;
            /**
             * @description The cohort of the training
             * @example 2025
             */
            cohort: string;
            /**
             * @description Set by the lead provider withdrawing, deferring or resuming (R-36)
             * @example active
             * @enum {string}
             */
            training_status: "active" | "deferred" | "withdrawn";
            /**
             * @description Whether the training is yet to start, running, ending or ended (R-35)
             * @example active
             * @enum {string}
             */
            participant_status: "active" | "joining" | "leaving" | "left";
            /**
             * @description Whether DfE funds the training of this role; null when unknown (R-37)
             * @example true
             */
            eligible_for_funding: boolean | null;
            /**
             * @description The school's pupil premium uplift, when the cohort pays uplifts
             * @example true
             */
            pupil_premium_uplift: boolean;
            /**
             * @description The school's sparsity uplift, when the cohort pays uplifts
             * @example true
             */
            sparsity_uplift: boolean;
            /**
             * @description The schedule of the training (D-30)
             * @example ecf-standard-january
             * @enum {string}
             */
            schedule_identifier: "ecf-standard-january" | "ecf-standard-april" | "ecf-standard-september" | "ecf-extended-january" | "ecf-extended-april" | "ecf-extended-september" | "ecf-reduced-january" | "ecf-reduced-april" | "ecf-reduced-september" | "ecf-replacement-january" | "ecf-replacement-april" | "ecf-replacement-september";
            /**
             * Format: uuid
             * @description The partnership's delivery partner
             * @example 8226ad1e-28f6-433d-a7a1-e93bc4f75a58
             */
            delivery_partner_id: string;
            /** @description Set while training_status is withdrawn, else null */
            withdrawal: {
                /**
                 * @description Why the lead provider withdrew the participant (D-12)
                 * @example left-teaching-profession
                 * @enum {string}
                 */
                reason: "left-teaching-profession" | "moved-school" | "mentor-no-longer-being-mentor" | "switched-to-school-led" | "changed-lead-provider" | "other";
                /**
                 * Format: date-time
                 * @description When the withdrawal was recorded
                 * @example 2025-06-20T09:14:03Z
                 */
                date: string;
            } | null;
            /** @description Set while training_status is deferred, else null */
            deferral: {
                /**
                 * @description Why the lead provider deferred the participant (D-13)
                 * @example bereavement
                 * @enum {string}
                 */
                reason: "bereavement" | "long-term-sickness" | "parental-leave" | "career-break" | "other";
                /**
                 * Format: date-time
                 * @description When the deferral was recorded
                 * @example 2025-06-20T09:14:03Z
                 */
                date: string;
            } | null;
            /**
             * Format: date-time
             * @description When the school first registered the participant in this role
             * @example 2025-06-20T09:14:03Z
             */
            created_at: string;
            /**
             * Format: date
             * @description ECTs: the day induction was completed
             * @example 2025-09-01
             */
            induction_end_date: string | null;
            /**
             * Format: date
             * @description ECTs: the day the latest induction period finished
             * @example 2025-09-01
             */
            most_recent_induction_period_end_date: string | null;
            /**
             * Format: date
             * @description ECTs: the day induction started
             * @example 2025-09-01
             */
            overall_induction_start_date: string | null;
            /**
             * Format: date
             * @description Mentors: the day funding of mentor training ended
             * @example 2025-09-01
             */
            mentor_funding_end_date: string | null;
            /**
             * @description Whether the participant was moved out of a payments-frozen cohort (D-38)
             * @example false
             */
            cohort_changed_after_payments_frozen: boolean;
            /**
             * @description Mentors: why funding of mentor training ended
             * @example completed_declaration_received
             * @enum {string|null}
             */
            mentor_ineligible_for_funding_reason: "completed_declaration_received" | "completed_during_early_roll_out" | "started_not_completed" | null;
        };
        /** @description One participant id change */
        ParticipantIDChange: {
            /**
             * Format: uuid
             * @description The participant id that was replaced
             * @example 8226ad1e-28f6-433d-a7a1-e93bc4f75a58
             */
            from_participant_id: string;
            /**
             * Format: uuid
             * @description The participant id that replaced it
             * @example 8226ad1e-28f6-433d-a7a1-e93bc4f75a58
             */
            to_participant_id: string;
            /**
             * Format: date-time
             * @description When the id changed
             * @example 2025-06-20T09:14:03Z
             */
            changed_at: string;
        };
        ParticipantResumeRequest: {
            data: {
                /**
                 * @example participant-resume
                 * @enum {string}
                 */
                type: "participant-resume";
                /** @description A participant resumption action */
                attributes: {
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-mentor" | "ecf-induction";
                };
            };
        };
        /** @description A participant transfer */
        ParticipantTransfer: {
            /**
             * Format: uuid
             * @description The unique ID of the resource.
             * @example d0b4a32e-a272-489e-b30a-cb17131457fc
             */
            id: string;
            /**
             * @description The data type.
             * @example participant-transfer
             * @enum {string}
             */
            type: "participant-transfer";
            attributes: {
                transfers: components["schemas"]["ParticipantTransfersTransfer"][];
                /**
                 * Format: date-time
                 * @description The date and time the participant transfer was last updated
                 * @example 2025-06-20T09:14:03Z
                 */
                updated_at: string;
            };
        };
        /** @description A participant transfer, transfer */
        ParticipantTransfersTransfer: {
            /**
             * Format: uuid
             * @description The unique identifier of this participant's training record.
             * @example 42a9ef2f-9059-400a-92ff-4830a629d0c5
             */
            training_record_id: string;
            /**
             * @description The type of transfer between schools
             * @example new_provider
             * @enum {string}
             */
            transfer_type: "new_school" | "new_provider" | "unknown";
            /**
             * @description Whether both schools have completed their part
             * @example complete
             * @enum {string}
             */
            status: "incomplete" | "complete";
            /**
             * Format: date-time
             * @description The date and time the leaving was first recorded
             * @example 2025-06-20T09:14:03Z
             */
            created_at?: string;
            leaving: {
                /**
                 * @description The URN of the school the participant is leaving
                 * @example 123456
                 */
                school_urn: string;
                /**
                 * @description The name of the provider the participant is leaving
                 * @example Example Institute
                 */
                provider?: string | null;
                /**
                 * Format: date
                 * @description The date the participant will be leaving the school
                 * @example 2021-05-31
                 */
                date?: string;
            };
            joining?: {
                /**
                 * @description The URN of the school the participant is joining
                 * @example 654321
                 */
                school_urn: string;
                /**
                 * @description The name of the provider the participant is joining
                 * @example Example Institute
                 */
                provider?: string | null;
                /**
                 * Format: date
                 * @description The date the participant will be joining the school
                 * @example 2021-05-31
                 */
                date?: string;
            } | null;
        };
        ParticipantWithdrawRequest: {
            data: {
                /**
                 * @example participant-withdraw
                 * @enum {string}
                 */
                type: "participant-withdraw";
                /** @description A participant withdrawal action */
                attributes: {
                    /**
                     * @description The reason for the withdrawal
                     * @example left-teaching-profession
                     * @enum {string}
                     */
                    reason: "left-teaching-profession" | "moved-school" | "mentor-no-longer-being-mentor" | "switched-to-school-led" | "changed-lead-provider" | "other";
                    /**
                     * @description The type of course the participant is enrolled in
                     * @example ecf-induction
                     * @enum {string}
                     */
                    course_identifier: "ecf-mentor" | "ecf-induction";
                };
            };
        };
        /** @description A partnership. */
        Partnership: {
            /**
             * Format: uuid
             * @description The unique ID of the resource.
             * @example d0b4a32e-a272-489e-b30a-cb17131457fc
             */
            id: string;
            /**
             * @description The data type.
             * @example partnership
             * @enum {string}
             */
            type: "partnership";
            attributes: {
                /**
                 * @description The cohort for which you are reporting the partnership
                 * @example 2025
                 */
                cohort: string;
                /**
                 * @description The Unique Reference Number (URN) of the school you are partnered with
                 * @example 142857
                 */
                urn: string;
                /**
                 * Format: uuid
                 * @description The unique ID of the school you are partnered with
                 * @example 597f30f4-1959-4ae7-8ec9-cb6935280541
                 */
                school_id: string;
                /**
                 * Format: uuid
                 * @description The unique ID of the delivery partner you are working with for this partnership
                 * @example 0385205a-73f2-45d8-89c1-294e2a033c9a
                 */
                delivery_partner_id: string;
                /**
                 * @description The name of the delivery partner you are working with for this partnership
                 * @example Northern Lights Teaching Alliance
                 */
                delivery_partner_name: string;
                /**
                 * @description The name of the induction tutor at the school you are in partnership with
                 * @example Priya Shah
                 */
                induction_tutor_name: string | null;
                /**
                 * @description The email address of the induction tutor at the school you are in partnership with
                 * @example priya.shah@oakfield.sch.uk
                 */
                induction_tutor_email: string | null;
                /**
                 * @description The number of participants currently in training
                 * @example 0
                 */
                participants_currently_training: number;
                /**
                 * Format: date-time
                 * @description The date the partnership was reported by you
                 * @example 2025-06-20T09:14:03Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @description The date the partnership was last updated
                 * @example 2025-06-20T09:14:03Z
                 */
                updated_at: string;
            };
        };
        /** @description A partnership request */
        PartnershipCreateRequest: {
            data: {
                /**
                 * @example partnership
                 * @enum {string}
                 */
                type: "partnership";
                attributes: {
                    /**
                     * @description The cohort for which you are reporting the partnership
                     * @example 2025
                     */
                    cohort: string;
                    /**
                     * @description The Unique ID of the school you are partnering with
                     * @example 597f30f4-1959-4ae7-8ec9-cb6935280541
                     */
                    school_id: string;
                    /**
                     * @description The unique ID of the delivery partner you will work with for this school partnership
                     * @example 0385205a-73f2-45d8-89c1-294e2a033c9a
                     */
                    delivery_partner_id: string;
                };
            };
        };
        /** @description A partnership update request */
        PartnershipUpdateRequest: {
            data: {
                /**
                 * @example partnership
                 * @enum {string}
                 */
                type: "partnership";
                attributes: {
                    /**
                     * @description The unique ID of the delivery partner you will work with for this school partnership
                     * @example 0385205a-73f2-45d8-89c1-294e2a033c9a
                     */
                    delivery_partner_id: string;
                };
            };
        };
        /** @description The data attributes associated with a school */
        School: {
            /**
             * Format: uuid
             * @description The unique ID of the resource.
             * @example d0b4a32e-a272-489e-b30a-cb17131457fc
             */
            id: string;
            /**
             * @description The data type.
             * @example school
             * @enum {string}
             */
            type: "school";
            attributes: {
                /**
                 * @description The name of the school
                 * @example Oakfield Primary School
                 */
                name: string;
                /**
                 * @description The Unique Reference Number (URN) of the school
                 * @example 142857
                 */
                urn: string;
                /**
                 * @description The cohort the school is shown for (the requested one)
                 * @example 2025
                 */
                cohort: string;
                /**
                 * @description Whether the school has any partnership in the cohort, with any lead provider
                 * @example false
                 */
                in_partnership: boolean;
                /**
                 * @description The programme of the school's training in the cohort
                 * @example provider_led
                 * @enum {string}
                 */
                induction_programme_choice: "school_led" | "provider_led" | "not_yet_known";
                /**
                 * @description Whether the school has registered participants with you for the cohort
                 * @example true
                 */
                expression_of_interest: boolean;
                /**
                 * @description The name of the induction tutor, shown when expression_of_interest is true
                 * @example Priya Shah
                 */
                induction_tutor_name: string | null;
                /**
                 * @description The induction tutor's email address, shown when expression_of_interest is true
                 * @example priya.shah@oakfield.sch.uk
                 */
                induction_tutor_email: string | null;
                /**
                 * Format: date-time
                 * @description The date and time the school was created
                 * @example 2025-06-20T09:14:03Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @description The last time a change was made to this school record for the cohort
                 * @example 2025-06-20T09:14:03Z
                 */
                updated_at: string;
            };
        };
        /** @description A financial statement. */
        Statement: {
            /**
             * Format: uuid
             * @description The unique ID of the resource.
             * @example d0b4a32e-a272-489e-b30a-cb17131457fc
             */
            id: string;
            /**
             * @description The data type.
             * @example statement
             * @enum {string}
             */
            type: "statement";
            attributes: {
                /**
                 * @description The calendar month which corresponds to the financial statement.
                 * @example May
                 */
                month: string;
                /**
                 * @description The calendar year which corresponds to the financial statement.
                 * @example 2022
                 */
                year: string;
                /**
                 * @description The cohort, for example, 2021 or 2025, which the statement funds.
                 * @example 2021
                 */
                cohort: string;
                /**
                 * @description The milestone cut off or review point for the statement.
                 * @example 2022-04-30
                 */
                cut_off_date: string;
                /**
                 * @description The date we expect to pay you for any declarations attached to the statement, which are eligible for payment.
                 * @example 2022-05-25
                 */
                payment_date: string;
                /**
                 * @description Indicates whether the DfE has paid providers for any declarations attached to the statement.
                 * @example true
                 */
                paid: boolean;
                /**
                 * Format: date-time
                 * @description The date the statement was created.
                 * @example 2021-05-31T02:22:32.000Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @description The date the statement was last updated.
                 * @example 2021-05-31T02:22:32.000Z
                 */
                updated_at: string;
            };
        };
        /** @description An unfunded mentor */
        UnfundedMentor: {
            /**
             * Format: uuid
             * @description The unique ID of the resource.
             * @example d0b4a32e-a272-489e-b30a-cb17131457fc
             */
            id: string;
            /**
             * @description The data type.
             * @example unfunded-mentor
             * @enum {string}
             */
            type: "unfunded-mentor";
            attributes: {
                /**
                 * @description The full name of this unfunded mentor
                 * @example Priya Shah
                 */
                full_name: string;
                /**
                 * @description The email address registered for this unfunded mentor
                 * @example priya.shah@example.com
                 */
                email: string;
                /**
                 * @description The Teacher Reference Number (TRN) for this unfunded mentor
                 * @example 2900214
                 */
                teacher_reference_number: string | null;
                /**
                 * Format: date-time
                 * @description The date and time the unfunded mentor was created
                 * @example 2025-06-20T09:14:03Z
                 */
                created_at: string;
                /**
                 * Format: date-time
                 * @description The date and time the unfunded mentor was last updated
                 * @example 2025-06-20T09:14:03Z
                 */
                updated_at: string;
            };
        };
        /** @description Every error answer except 401: one element per problem (C-25). */
        Error: {
            errors: {
                /**
                 * @description What the error is about: an attribute name for a 422, else a short heading
                 * @example Bad request
                 */
                title: string;
                /**
                 * @description What is wrong, in a sentence
                 * @example Correct json data structure required. See API docs for reference.
                 */
                detail: string;
            }[];
        };
        /** @description The 401 answer: the token is missing, unknown, revoked or of the wrong kind. */
        UnauthorisedError: {
            /** @example HTTP Token: Access denied */
            error: string;
        };
    };
    responses: never;
    parameters: {
        /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
        XWithServerDate: string;
    };
    requestBodies: never;
    headers: {
        /** @description Requests allowed in the current 5-minute window (1000 per lead provider token by default). */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the current window ends; windows start at multiples of 300 seconds since the Unix epoch, in real time. */
        "RateLimit-Reset": number;
        /** @description Seconds to wait before the next request will be answered (at least 1). */
        "Retry-After": number;
        /** @description The request id: the one the client sent (up to 128 visible ASCII characters) or a new UUID. Quote it when reporting a problem. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getDeliveryPartners: {
        parameters: {
            query?: {
                /**
                 * @description Filter delivery partners to return more specific results
                 * @example {
                 *       "cohort": "2025"
                 *     }
                 */
                filter?: {
                    /**
                     * @description Return delivery partners from the specified cohort or cohorts. This is a comma delimited string of years.
                     * @example 2021,2022
                     */
                    cohort?: string;
                };
                /** @description Pagination options to navigate through the list of results. */
                page?: {
                    /**
                     * @description The page number to paginate to in the collection. Defaults to 1.
                     * @example 1
                     */
                    page?: number;
                    /**
                     * @description The number of items per page. Defaults to 100; at most 3000.
                     * @example 10
                     */
                    per_page?: number;
                };
                /** @description Sort records: a comma-separated list of created_at, updated_at, name; a leading - sorts descending. */
                sort?: "created_at" | "-created_at" | "updated_at" | "-updated_at" | "name" | "-name";
            };
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of delivery partners */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeliveryPartner"][];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeliveryPartner: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example e276cddc-5c06-4fbc-92b7-1c742af71038
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A single delivery partner */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeliveryPartner"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Bad request",
                     *           "detail": "Correct json data structure required. See API docs for reference."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPartnerships: {
        parameters: {
            query?: {
                /**
                 * @description Filter partnerships to return more specific results
                 * @example {
                 *       "cohort": "2025"
                 *     }
                 */
                filter?: {
                    /**
                     * @description Return partnerships within the specified cohorts. This is a comma delimited string of years.
                     * @example 2024,2025
                     */
                    cohort?: string;
                    /**
                     * @description Return only records that have been updated since this date and time (ISO 8601 date format)
                     * @example 2025-06-20T09:00:00Z
                     */
                    updated_since?: string;
                    /**
                     * @description Return partnerships associated to the specified delivery partner or delivery partners. This is a comma delimited string of delivery partner IDs.
                     * @example 0385205a-73f2-45d8-89c1-294e2a033c9a
                     */
                    delivery_partner_id?: string;
                };
                /** @description Pagination options to navigate through the list of results. */
                page?: {
                    /**
                     * @description The page number to paginate to in the collection. Defaults to 1.
                     * @example 1
                     */
                    page?: number;
                    /**
                     * @description The number of items per page. Defaults to 100; at most 3000.
                     * @example 10
                     */
                    per_page?: number;
                };
                /** @description Sort records: a comma-separated list of created_at, updated_at; a leading - sorts descending. */
                sort?: "created_at" | "-created_at" | "updated_at" | "-updated_at";
            };
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of partnerships */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Partnership"][];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPartnership: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description A partnership request */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnershipCreateRequest"];
            };
        };
        responses: {
            /** @description The created partnership */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Partnership"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Resource not found",
                     *           "detail": "Nothing could be found for the provided details"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is larger than 1 MB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Payload too large",
                     *           "detail": "The request body must not be larger than 1 MB"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payload was not valid. See the errors for more information. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPartnership: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example e08762f5-6ec5-4acf-a288-7acbea8beee1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A single partnership */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Partnership"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Bad request",
                     *           "detail": "Correct json data structure required. See API docs for reference."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePartnership: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example e08762f5-6ec5-4acf-a288-7acbea8beee1
                 */
                id: string;
            };
            cookie?: never;
        };
        /** @description A partnership update request */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnershipUpdateRequest"];
            };
        };
        responses: {
            /** @description The updated partnership */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Partnership"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is larger than 1 MB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Payload too large",
                     *           "detail": "The request body must not be larger than 1 MB"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payload was not valid. See the errors for more information. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSchools: {
        parameters: {
            query: {
                /**
                 * @description Filter schools to return more specific results. `cohort` is required.
                 * @example {
                 *       "cohort": "2025"
                 *     }
                 */
                filter: {
                    /**
                     * @description Return schools within the specified cohort.
                     * @example 2025
                     */
                    cohort: string;
                    /**
                     * @description Return a school with the specified Unique Reference Number (URN).
                     * @example 142857
                     */
                    urn?: string;
                    /**
                     * @description Return only records that have been updated since this date and time (an ISO 8601 date-time)
                     * @example 2025-06-16T13:00:00Z
                     */
                    updated_since?: string;
                };
                /** @description Pagination options to navigate through the list of results. */
                page?: {
                    /**
                     * @description The page number to paginate to in the collection. Defaults to 1.
                     * @example 1
                     */
                    page?: number;
                    /**
                     * @description The number of items per page. Defaults to 100; at most 3000.
                     * @example 10
                     */
                    per_page?: number;
                };
                /** @description Sort records: a comma-separated list of created_at, updated_at, urn; a leading - sorts descending. */
                sort?: "created_at" | "-created_at" | "updated_at" | "-updated_at" | "urn" | "-urn";
            };
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of schools scoped to cohort */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["School"][];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSchool: {
        parameters: {
            query: {
                /**
                 * @description The cohort whose view of the school to show. `cohort` is required.
                 * @example {
                 *       "cohort": "2025"
                 *     }
                 */
                filter: {
                    /**
                     * @description Return schools within the specified cohort.
                     * @example 2025
                     */
                    cohort: string;
                };
            };
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example 02f09b8d-7102-4b91-9092-d7a27e4b5299
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A single school scoped to cohort */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["School"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTransfers: {
        parameters: {
            query?: {
                /** @description Filter participant transfers to return more specific results */
                filter?: {
                    /**
                     * @description Return only records that have been updated since this date and time (ISO 8601 date format)
                     * @example 2021-05-13T11:21:55Z
                     */
                    updated_since?: string;
                };
                /** @description Pagination options to navigate through the list of results. */
                page?: {
                    /**
                     * @description The page number to paginate to in the collection. Defaults to 1.
                     * @example 1
                     */
                    page?: number;
                    /**
                     * @description The number of items per page. Defaults to 100; at most 3000.
                     * @example 10
                     */
                    per_page?: number;
                };
                /** @description Sort records: a comma-separated list of created_at, updated_at; a leading - sorts descending. */
                sort?: "created_at" | "-created_at" | "updated_at" | "-updated_at";
            };
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of transfers */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ParticipantTransfer"][];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTransfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example b0b02609-013d-4f6d-8c17-68d78ff2a6b3
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Transfers for a given participant */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ParticipantTransfer"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Bad request",
                     *           "detail": "Correct json data structure required. See API docs for reference."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeclarations: {
        parameters: {
            query?: {
                /**
                 * @description Refine participant declarations to return.
                 * @example {
                 *       "participant_id": "fccedbe2-dc5c-4961-9b07-4249056874a0"
                 *     }
                 */
                filter?: {
                    /**
                     * @description Return participant declarations associated to the specified cohort or cohorts. This is a comma delimited string of years.
                     * @example 2021,2022
                     */
                    cohort?: string;
                    /**
                     * @description Return participant declarations associated to the specified participant ID. This is a comma delimited string where multiple participant IDs can be specified.
                     * @example 7a8fef46-3c43-42c0-b3d5-1ba5904ba562,7e727981-db9d-40d7-9e42-27eff7d66a19
                     */
                    participant_id?: string;
                    /**
                     * @description Return participant declarations associated to the specified delivery partner or delivery partners. This is a comma delimited string of delivery partner IDs.
                     * @example 42a9ef2f-9059-400a-92ff-4830a629d0c5,92f6e54b-57fe-4a62-89cc-e83d6b0f734b
                     */
                    delivery_partner_id?: string;
                    /**
                     * @description Return only records that have been updated since this date and time (ISO 8601 date format).
                     * @example 2021-05-13T11:21:55Z
                     */
                    updated_since?: string;
                };
                /** @description Pagination options to navigate through the list of results. */
                page?: {
                    /**
                     * @description The page number to paginate to in the collection. Defaults to 1.
                     * @example 1
                     */
                    page?: number;
                    /**
                     * @description The number of items per page. Defaults to 100; at most 3000.
                     * @example 10
                     */
                    per_page?: number;
                };
            };
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of declarations */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Declaration"][];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDeclaration: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description A participant declaration request */
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclarationCreateRequest"];
            };
        };
        responses: {
            /** @description The created declaration */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Declaration"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The request body is larger than 1 MB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Payload too large",
                     *           "detail": "The request body must not be larger than 1 MB"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payload was not valid. See the errors for more information. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeclaration: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example 35772711-c5e1-4214-8e1b-baf67b4d42c2
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A single declaration */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Declaration"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Bad request",
                     *           "detail": "Correct json data structure required. See API docs for reference."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    voidDeclaration: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example f6a2c993-edcb-4ee8-a93a-29a3b7832ec3
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The declaration being voided */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Declaration"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Bad request",
                     *           "detail": "Correct json data structure required. See API docs for reference."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payload was not valid. See the errors for more information. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStatements: {
        parameters: {
            query?: {
                /**
                 * @description Filter statements to return more specific results
                 * @example {
                 *       "cohort": "2025"
                 *     }
                 */
                filter?: {
                    /**
                     * @description Return statements associated to the specified cohort or cohorts. This is a comma delimited string of years.
                     * @example 2021,2022
                     */
                    cohort?: string;
                    /**
                     * @description Return only records that have been updated since this date and time (ISO 8601 date format)
                     * @example 2021-05-13T11:21:55Z
                     */
                    updated_since?: string;
                };
                /** @description Pagination options to navigate through the list of results. */
                page?: {
                    /**
                     * @description The page number to paginate to in the collection. Defaults to 1.
                     * @example 1
                     */
                    page?: number;
                    /**
                     * @description The number of items per page. Defaults to 100; at most 3000.
                     * @example 10
                     */
                    per_page?: number;
                };
            };
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of financial statements. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Statement"][];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStatement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example 365a5765-4629-4458-a861-872db6df1a47
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A financial statement. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Statement"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Bad request",
                     *           "detail": "Correct json data structure required. See API docs for reference."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getParticipants: {
        parameters: {
            query?: {
                /**
                 * @description Filters of the participants list
                 * @example {
                 *       "cohort": "2025"
                 *     }
                 */
                filter?: {
                    /**
                     * @description Comma-separated years: participants with an enrolment in one of them
                     * @example 2024,2025
                     */
                    cohort?: string;
                    /**
                     * @description An ISO 8601 date-time: participants whose updated_at is at or after it
                     * @example 2025-11-03T08:00:00Z
                     */
                    updated_since?: string;
                    /**
                     * @description Participants with an enrolment in this training status
                     * @example active
                     * @enum {string}
                     */
                    training_status?: "active" | "deferred" | "withdrawn";
                    /**
                     * Format: uuid
                     * @description Participants with an id change from this participant id
                     * @example 8226ad1e-28f6-433d-a7a1-e93bc4f75a58
                     */
                    from_participant_id?: string;
                };
                /** @description Pagination options to navigate through the list of results. */
                page?: {
                    /**
                     * @description The page number to paginate to in the collection. Defaults to 1.
                     * @example 1
                     */
                    page?: number;
                    /**
                     * @description The number of items per page. Defaults to 100; at most 3000.
                     * @example 10
                     */
                    per_page?: number;
                };
                /** @description Sort records: a comma-separated list of created_at, updated_at; a leading - sorts descending. */
                sort?: "created_at" | "-created_at" | "updated_at" | "-updated_at";
            };
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's participants */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Participant"][];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getParticipant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example fccedbe2-dc5c-4961-9b07-4249056874a0
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One of the caller's participants */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Participant"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Bad request",
                     *           "detail": "Correct json data structure required. See API docs for reference."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawParticipant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example 5a8ef016-63ad-445c-9ec1-338d72939976
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParticipantWithdrawRequest"];
            };
        };
        responses: {
            /** @description The participant being withdrawn */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Participant"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is larger than 1 MB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Payload too large",
                     *           "detail": "The request body must not be larger than 1 MB"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payload was not valid. See the errors for more information. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deferParticipant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example fa9df3cb-8a2b-4a82-822f-fbb20e4b4dcd
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParticipantDeferRequest"];
            };
        };
        responses: {
            /** @description The participant being deferred */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Participant"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is larger than 1 MB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Payload too large",
                     *           "detail": "The request body must not be larger than 1 MB"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payload was not valid. See the errors for more information. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeParticipant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example b9fff2a8-04d7-4a0c-8e59-a3e27b3f772f
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParticipantResumeRequest"];
            };
        };
        responses: {
            /** @description The participant being resumed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Participant"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is larger than 1 MB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Payload too large",
                     *           "detail": "The request body must not be larger than 1 MB"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payload was not valid. See the errors for more information. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeScheduleParticipant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example d12da286-cb7a-4777-bac5-59f793045d4f
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParticipantChangeScheduleRequest"];
            };
        };
        responses: {
            /** @description The participant changing schedule */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Participant"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is larger than 1 MB. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Payload too large",
                     *           "detail": "The request body must not be larger than 1 MB"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payload was not valid. See the errors for more information. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUnfundedMentors: {
        parameters: {
            query?: {
                /** @description Filter unfunded mentors to return more specific results */
                filter?: {
                    /**
                     * @description Return only records that have been updated since this date and time (ISO 8601 date format)
                     * @example 2026-09-01T00:00:00Z
                     */
                    updated_since?: string;
                };
                /** @description Pagination options to navigate through the list of results. */
                page?: {
                    /**
                     * @description The page number to paginate to in the collection. Defaults to 1.
                     * @example 1
                     */
                    page?: number;
                    /**
                     * @description The number of items per page. Defaults to 100; at most 3000.
                     * @example 10
                     */
                    per_page?: number;
                };
                /** @description Sort records: a comma-separated list of created_at, updated_at; a leading - sorts descending. */
                sort?: "created_at" | "-created_at" | "updated_at" | "-updated_at";
            };
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of unfunded mentors */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["UnfundedMentor"][];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUnfundedMentor: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sandbox only: run this request as if it were this date (00:00 Europe/London) or date-time (Europe/London when it has no offset), years 2000 to 2099. Everything the request decides or writes uses it: "today" in statuses and checks, and the `created_at`/`updated_at` it stores. Other requests are not affected. An invalid value answers 400. */
                "X-With-Server-Date"?: components["parameters"]["XWithServerDate"];
            };
            path: {
                /**
                 * @description The unique ID of the resource.
                 * @example 64c6afb6-cfde-4829-ad83-06a52c9a3f6f
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A single unfunded mentor */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["UnfundedMentor"];
                    };
                };
            };
            /** @description The request was malformed. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Bad request",
                     *           "detail": "Correct json data structure required. See API docs for reference."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Authorization information is missing or invalid. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "HTTP Token: Access denied"
                     *     }
                     */
                    "application/json": components["schemas"]["UnauthorisedError"];
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "title": "Too many requests",
                     *           "detail": "Rate limit exceeded. Retry after the number of seconds given in the Retry-After header"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
