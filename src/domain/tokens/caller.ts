// Who a request acts as (C-2): one lead provider, or the operator.
export type LeadProviderCaller = { kind: 'lead_provider'; leadProviderId: string; tokenId: string }
export type AdminCaller = { kind: 'admin'; tokenId: string }
export type Caller = LeadProviderCaller | AdminCaller
