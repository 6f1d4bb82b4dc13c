import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, UPDATE, publishedPost, startBlog, type Blog } from './harness';

let blog: Blog;
beforeAll(async () => {
  blog = await startBlog({ BLOG_PUBLIC_URL: 'https://blog.example', BLOG_TITLE: 'Example & Co' });
});
afterAll(() => blog?.close());

const get = (path: string, method = 'GET') => fetch(`${blog.served.origin}${path}`, { method, redirect: 'manual' });

describe('public feeds and pages under /blog', () => {
  it('RSS 2.0 and Atom list published posts (not drafts), newest first, with sanitised content and absolute links', async () => {
    const author = await blog.author();
    blog.clock.advance(1000);
    await publishedPost(blog, author.token, { title: 'Older <one>', slug: `older-${Date.now()}` });
    blog.clock.advance(1000);
    const newest = `newest-${Date.now()}`;
    await publishedPost(blog, author.token, { title: 'Newest', slug: newest, bodyMarkdown: 'Hi <script>alert(1)</script> <img src=x onerror=alert(1)>', tags: ['news'] });
    await blog.call(CREATE, { input: { title: 'Hidden draft', bodyMarkdown: 'x' } }, author.token);

    const rss = await get('/blog/feed.xml');
    expect(rss.status).toBe(200);
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await rss.text();
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain('<title>Example &amp; Co</title>');
    expect(xml).toContain('<title><![CDATA[Older <one>]]></title>');
    expect(xml.indexOf('Newest')).toBeLessThan(xml.indexOf('Older <one>'));
    expect(xml).toContain(`https://blog.example/blog/posts/${newest}`);
    expect(xml).not.toContain('Hidden draft');
    expect(xml).not.toMatch(/<script|onerror/i);

    const atom = await get('/blog/atom.xml');
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(await atom.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect((await get('/blog/feed.xml', 'HEAD')).status).toBe(200);
    expect((await get('/blog/feed.xml', 'POST')).status).toBe(405);
  });

  it('a post page by slug; an old slug answers 301 to the current one; drafts and unknown slugs 404', async () => {
    const author = await blog.author();
    const slug = `page-${Date.now()}`;
    const id = await publishedPost(blog, author.token, { title: 'A <b>page</b>', slug });
    await blog.call(UPDATE, { id, input: { slug: `${slug}-renamed` } }, author.token);
    expect((await blog.call(`query($id: ID!) { post(id: $id) { url } }`, { id })).data!.post.url).toBe(`https://blog.example/blog/posts/${slug}-renamed`);
    const moved = await get(`/blog/posts/${slug}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/blog/posts/${slug}-renamed`);
    const page = await get(`/blog/posts/${slug}-renamed`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<h1>A &lt;b&gt;page&lt;/b&gt;</h1>');
    const draft = (await blog.call(CREATE, { input: { title: 'draft', bodyMarkdown: 'x', slug: `${slug}-draft` } }, author.token)).data!.createPost.id;
    expect(draft).toBeTruthy();
    expect((await get(`/blog/posts/${slug}-draft`)).status).toBe(404);
    expect((await get('/blog/posts/no-such-post')).status).toBe(404);
    expect((await get('/blog/nothing-here')).status).toBe(404);
  });
});
