// What other modules use of surveys: the public totals (for open data) and the check-in hook.
export { inviteOnCheckIn } from './invites';
export { surveyResultsPublic } from './results';
