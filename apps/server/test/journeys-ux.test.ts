import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf } from './support/journey.ts';
import { applicantAccount, creditCode, openRecProgram, recProgram, stampedPage, submittedCandidate, unitIds, unitMember } from './support/recommendation-fixture.ts';
import type { Actor } from '../src/context.ts';

// The journeys as users feel them (issue 14), server side: a new application starts with what the
// platform knows of the organization; endorsing asks for what the call requires, no more; and a
// revision sent back after a return is the applicant's 重新提交, never an endorsement by them.

describeEachEngine('journeys: prefill, endorsement requirements, resubmission', (engine) => {
  let h: Harness;
  let admin: Actor;
  let organizer: Client;

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    organizer = h.client();
    await organizer.login(first.email, first.password);
    admin = await actorOf(h, organizer);
  });
  after(() => h.close());

  test('creating an application fills the fields the form maps to the organization, once', async () => {
    const def = recProgram('prefill');
    def.forms = [{
      id: 'f', version: 1, title: '申报表',
      sections: [{
        id: 's', title: '基本情况',
        fields: [
          { id: 'name', kind: 'text', label: '单位名称', prefill: 'organization.name' },
          { id: 'code', kind: 'creditCode', label: '统一社会信用代码', prefill: 'organization.creditCode' },
          { id: 'region', kind: 'region', level: 'city', label: '所在地区', prefill: 'organization.regionCode' },
          { id: 'address', kind: 'text', label: '地址', prefill: 'organization.address' },
          { id: 'contact', kind: 'text', label: '联系人', maxChars: 2, prefill: 'organization.contactName' },
          { id: 'phone', kind: 'text', label: '电话', format: 'phone', prefill: 'organization.contactPhone' },
          { id: 'project', kind: 'text', label: '项目名称' },
        ],
      }],
    }];
    const programId = await openRecProgram(h, admin, def);
    const { client } = await applicantAccount(h, 'prefill@example.com');
    const org = await client.post('/api/organizations', {
      name: '郑州预填科技有限公司', creditCode: creditCode(701), regionCode: '410105', kind: 'enterprise', address: '郑州市金水区花园路1号',
      contactName: '欧阳明月', contactPhone: '0371-65501234', contactEmail: 'prefill@example.com',
    });
    assert.equal(org.statusCode, 200, org.body);
    const created = await client.post('/api/applications', { programId, trackId: 'direct', organizationId: org.json().id });
    assert.equal(created.statusCode, 200, created.body);
    const app = created.json();
    assert.deepEqual(app.answers, {
      s: { name: '郑州预填科技有限公司', code: creditCode(701), region: '410100', address: '郑州市金水区花园路1号', phone: '0371-65501234' },
    }, 'the county is given as its city for a city question; a contact longer than the field allows is left out');
    assert.equal(app.revision, 0);
    // Ordinary answers afterwards: the applicant changes one and the save keeps the change.
    const saved = await client.put(`/api/applications/${app.id}/draft`, { answers: { s: { ...app.answers.s, name: '郑州预填科技' } }, baseRevision: 0 });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal((await client.get(`/api/applications/${app.id}`)).json().answers.s.name, '郑州预填科技');
  });

  test('endorsing without the required opinion or stamped page is refused on the field; a call may make them optional', async () => {
    const strictId = await openRecProgram(h, admin, recProgram('endorse-strict'));
    const lenientDef = recProgram('endorse-lenient');
    lenientDef.recommendation!.endorsement = { opinion: 'optional', stampedPage: 'optional' };
    const lenientId = await openRecProgram(h, admin, lenientDef);
    const applicant = await applicantAccount(h, 'endorse@example.com');
    const strictUnits = await unitIds(applicant.client, strictId);
    const lenientUnits = await unitIds(applicant.client, lenientId);
    const strictMember = await unitMember(h, 'strict-unit@example.com', strictUnits['甲单位'], strictId);
    const lenientMember = await unitMember(h, 'lenient-unit@example.com', lenientUnits['甲单位'], lenientId);

    const strict = await submittedCandidate(h, applicant.actor, strictId, 'rec', strictUnits['甲单位'], 711);
    assert.deepEqual((await strictMember.client.get(`/api/recommendation/candidates/${strict}`)).json().requires, { opinion: true, stampedPage: true });
    const bare = await strictMember.client.post(`/api/recommendation/candidates/${strict}/endorse`, {});
    assert.equal(bare.statusCode, 400, bare.body);
    assert.deepEqual(bare.json().error.fields.map((f: { path: string }) => f.path), ['opinion', 'stampedFileId']);
    assert.equal(bare.json().error.fields[0].message['zh-CN'], '请填写推荐意见');
    const stamp = await stampedPage(strictMember.client, strict);
    const noOpinion = await strictMember.client.post(`/api/recommendation/candidates/${strict}/endorse`, { opinion: '  ', stampedFileId: stamp });
    assert.deepEqual([noOpinion.statusCode, noOpinion.json().error.fields.map((f: { path: string }) => f.path)], [400, ['opinion']]);
    assert.equal((await applicant.client.get(`/api/applications/${strict}`)).json().status, 'submitted', 'nothing taken');
    const ok = await strictMember.client.post(`/api/recommendation/candidates/${strict}/endorse`, { opinion: '同意推荐。', stampedFileId: stamp });
    assert.equal(ok.statusCode, 200, ok.body);

    const lenient = await submittedCandidate(h, applicant.actor, lenientId, 'rec', lenientUnits['甲单位'], 712);
    assert.deepEqual((await lenientMember.client.get(`/api/recommendation/candidates/${lenient}`)).json().requires, { opinion: false, stampedPage: false });
    const forged = await lenientMember.client.post(`/api/recommendation/candidates/${lenient}/endorse`, { stampedFileId: 'not-a-file' });
    assert.deepEqual([forged.statusCode, forged.json().error.fields[0].path], [400, 'stampedFileId'], 'a page named must still be the stamped page');
    const plain = await lenientMember.client.post(`/api/recommendation/candidates/${lenient}/endorse`, {});
    assert.equal(plain.statusCode, 200, plain.body);
    assert.deepEqual([plain.json().nomination.status, plain.json().nomination.opinion, plain.json().nomination.stampedFile], ['endorsed', null, null]);
  });

  test('a resubmission after a return reads 已重新提交 and is the applicant\'s 重新提交, with the endorsement standing', async () => {
    const programId = await openRecProgram(h, admin, recProgram('resubmit'));
    const applicant = await applicantAccount(h, 'resubmit@example.com');
    const units = await unitIds(applicant.client, programId);
    const member = await unitMember(h, 'resubmit-unit@example.com', units['甲单位'], programId);
    const id = await submittedCandidate(h, applicant.actor, programId, 'rec', units['甲单位'], 721);
    const stamp = await stampedPage(member.client, id);
    assert.equal((await member.client.post(`/api/recommendation/candidates/${id}/endorse`, { opinion: '同意推荐。', stampedFileId: stamp })).statusCode, 200);

    const before = (await organizer.get(`/api/applications/${id}`)).json();
    assert.equal(before.status, 'endorsed');
    const returned = await organizer.post(`/api/applications/${id}/screening/decision`, { outcome: 'return', baseRevision: before.revision, comments: '请补充项目名称的全称。' });
    assert.equal(returned.statusCode, 200, returned.body);
    const mine = (await applicant.client.get(`/api/applications/${id}`)).json();
    assert.deepEqual([mine.status, mine.resubmitted], ['returned', undefined]);
    const saved = await applicant.client.put(`/api/applications/${id}/draft`, { answers: { s: { name: '项目721（全称）' } }, baseRevision: mine.revision });
    assert.equal(saved.statusCode, 200, saved.body);
    const resubmitted = await applicant.client.post(`/api/applications/${id}/submit`, { baseRevision: saved.json().revision });
    assert.equal(resubmitted.statusCode, 200, resubmitted.body);

    const after = resubmitted.json();
    assert.equal(after.status, 'endorsed', 'back in screening, the unit not asked again');
    assert.equal(after.resubmitted, true);
    const steps = after.timeline.map((e: { status: string; kind?: string; actorName: string | null }) => [e.status, e.kind ?? null, e.actorName]);
    const last = steps.at(-1);
    assert.deepEqual(last.slice(0, 2), ['endorsed', 'resubmitted']);
    assert.equal(last[2], (await actorOf(h, applicant.client)).displayName, 'by the applicant');
    assert.equal(steps.filter((s: unknown[]) => s[1] === 'resubmitted').length, 1, 'the first submission and the endorsement are no resubmissions');
    // The screener's queue has it again, and the screening view reads its second version.
    const view = (await organizer.get(`/api/applications/${id}/screening`)).json();
    assert.deepEqual([view.status, view.versionNo, view.canDecide], ['endorsed', 2, true]);
  });

  test('the applicant reads which checklist items failed, with the screener\'s note, beside the return comments', async () => {
    const def = recProgram('checks');
    def.tracks[2].eligibility = { rules: [], checklist: [{ id: 'license', text: '营业执照在有效期内。', textEn: 'The business licence is valid.' }, { id: 'field', text: '项目属于绿色低碳领域。' }] };
    const programId = await openRecProgram(h, admin, def);
    const applicant = await applicantAccount(h, 'checks@example.com');
    const id = await submittedCandidate(h, applicant.actor, programId, 'direct', undefined, 731);
    const tick = (itemId: string, checked: boolean, note = '') => organizer.put(`/api/applications/${id}/screening/checklist/${itemId}`, { checked, note });
    assert.equal((await tick('license', false, '执照已过期')).statusCode, 200);
    assert.equal((await tick('field', true)).statusCode, 200);
    const rev = (await organizer.get(`/api/applications/${id}`)).json().revision;
    assert.equal((await organizer.post(`/api/applications/${id}/screening/decision`, { outcome: 'return', baseRevision: rev, comments: '请上传有效期内的营业执照。' })).statusCode, 200);
    const fb = (await applicant.client.get(`/api/applications/${id}/screening/feedback`)).json();
    assert.equal(fb.items.length, 1);
    assert.equal(fb.items[0].message, '请上传有效期内的营业执照。');
    assert.deepEqual(fb.items[0].failedChecks, [{ id: 'license', text: '营业执照在有效期内。', textEn: 'The business licence is valid.', note: '执照已过期' }]);
  });
});
